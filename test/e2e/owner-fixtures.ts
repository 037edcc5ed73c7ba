// `test` for the screens of a register in use: each test starts logged in as the owner, on the
// home screen of a register that already exists. Specs of first run and login use ./fixtures.
import { test as base } from './fixtures';
import { logIn } from './register-fixtures';

export const test = base.extend({
  page: async ({ page, host, existingRegister }, use) => {
    void existingRegister;
    await logIn(page, host);
    await use(page);
  },
});
