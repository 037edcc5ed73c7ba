// Whether this user may take mailing lists and labels out: the owner always, staff when the owner
// allows it (main refuses otherwise; this only spares staff a button that would be refused).
import { useEffect, useState } from 'react';
import { invoke } from '../../api';

export function useMayExportLists(): boolean {
  const [may, setMay] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([invoke('app.status', {}), invoke('settings.get', {})])
      .then(([status, settings]) => {
        const role = status.session?.user.role;
        if (live) setMay(role === 'owner' || (role === 'staff' && settings.staffMayExportLists));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return may;
}
