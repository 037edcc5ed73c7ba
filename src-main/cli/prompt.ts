// Reading a secret from the terminal without echoing it. The question goes to stderr so that
// stdout stays clean for output a script may read (users list --json).

export class PromptCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PromptCancelledError';
  }
}

export const canPrompt = (): boolean => process.stdin.isTTY === true;

export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  const output = process.stderr;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      // Arrow keys and other escape sequences arrive as one chunk starting with ESC: ignore them.
      if (chunk.startsWith('\u001b')) return;
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) return finish(new PromptCancelledError());
        if (char === '\u0015')
          typed = ''; // Ctrl-U clears the line, as in a shell
        else if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    // Echo goes off before the question shows, so nothing typed in answer to it is ever echoed.
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
    output.write(question);
  });
}
