// What the test host serves in place of Electron's preload: the same `window.kaappi` shape,
// carried over fetch (invoke) and server-sent events (pushes). The token comes from the page URL.
export const BRIDGE_SCRIPT = `(() => {
  const token = new URLSearchParams(location.search).get('token') || sessionStorage.getItem('kaappi.token') || '';
  sessionStorage.setItem('kaappi.token', token);
  const listeners = new Set();
  const events = new EventSource('/__kaappi/events?token=' + encodeURIComponent(token));
  events.onmessage = (message) => {
    const event = JSON.parse(message.data);
    listeners.forEach((listener) => listener(event));
  };
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
