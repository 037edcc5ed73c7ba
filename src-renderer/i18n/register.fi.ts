// Finnish strings of the register screens (contacts, person, organization).
export const registerFi = {
  nav: { home: 'Etusivu', contacts: 'Asiakkaat' },
};
