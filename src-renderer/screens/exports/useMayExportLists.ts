// Whether this user may take mailing lists and labels out: the owner always, staff when the owner
// allows it (main refuses otherwise; this only spares staff a button that would be refused).
import { useChannel } from '../../components/useChannel';

export function useMayExportLists(): boolean {
  const status = useChannel('app.status', {}, []).data;
  const settings = useChannel('settings.get', {}, []).data;
  if (!status || !settings) return false;
  const role = status.session?.user.role;
  return role === 'owner' || (role === 'staff' && settings.staffMayExportLists);
}
