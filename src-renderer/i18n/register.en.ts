// English strings of the register screens. Typed against the Finnish ones.
import type { Widen } from './fi';
import type { registerFi } from './register.fi';

export const registerEn: Widen<typeof registerFi> = {
  nav: { home: 'Home', contacts: 'Customers' },
};
