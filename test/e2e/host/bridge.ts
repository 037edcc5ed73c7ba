// What the test host serves in place of Electron's preload: the same `window.kaappi` shape,
// carried over fetch (invoke) and server-sent events (pushes). The token comes from the page URL.
// With a sandbox (npm run dev:browser), it also shows the stand-in for the system's folder and
// file dialogs (sandbox-dialogs.ts): a modal list of choices, answered by index.
export const BRIDGE_SCRIPT = `(() => {
  const token = new URLSearchParams(location.search).get('token') || sessionStorage.getItem('kaappi.token') || '';
  sessionStorage.setItem('kaappi.token', token);
  const listeners = new Set();
  const events = new EventSource('/__kaappi/events?token=' + encodeURIComponent(token));
  events.onmessage = (message) => {
    const event = JSON.parse(message.data);
    listeners.forEach((listener) => listener(event));
  };
  const TEXT = {
    fi: { folder: 'Valitse kansio', backup: 'Valitse varmuuskopio', cancel: 'Peruuta', none: 'Ei valittavaa.',
      where: 'Kehityspalvelimen hiekkalaatikko: ' },
    en: { folder: 'Choose a folder', backup: 'Choose a backup', cancel: 'Cancel', none: 'Nothing to choose.',
      where: 'Dev host sandbox: ' },
  };
  events.addEventListener('kaappi-dialog', (message) => {
    const question = JSON.parse(message.data);
    const t = TEXT[document.documentElement.lang] || TEXT.fi;
    document.getElementById('kaappi-dev-dialog')?.remove();
    const dialog = document.createElement('dialog');
    dialog.id = 'kaappi-dev-dialog';
    dialog.className = 'dialog';
    dialog.setAttribute('aria-labelledby', 'kaappi-dev-dialog-title');
    const title = document.createElement('h2');
    title.id = 'kaappi-dev-dialog-title';
    title.textContent = question.kind === 'backup' ? t.backup : t.folder;
    const where = document.createElement('p');
    where.className = 'muted';
    where.textContent = t.where + question.sandbox;
    dialog.append(title, where);
    let answered = false;
    const answer = (choice) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      void fetch('/__kaappi/dialog', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kaappi-token': token },
        body: JSON.stringify({ id: question.id, choice }),
      });
    };
    const list = document.createElement('ul');
    list.className = 'plain-list';
    question.choices.forEach((name, index) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button';
      button.textContent = name;
      button.addEventListener('click', () => answer(index));
      item.append(button);
      list.append(item);
    });
    if (question.choices.length === 0) {
      const none = document.createElement('p');
      none.textContent = t.none;
      dialog.append(none);
    }
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'button';
    cancel.textContent = t.cancel;
    cancel.addEventListener('click', () => answer(null));
    dialog.addEventListener('cancel', () => answer(null));
    dialog.append(list, cancel);
    document.body.append(dialog);
    dialog.showModal();
  });
  window.kaappi = Object.freeze({
    invoke: async (channel, input) => {
      const response = await fetch('/__kaappi/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kaappi-token': token },
        body: JSON.stringify({ channel, input }),
      });
      if (!response.ok) throw new Error('Kaappi test host refused the call: ' + response.status);
      return response.json();
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
})();
`;
