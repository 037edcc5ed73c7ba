// `kaappi erase`: erases one person as a data subject's erasure request does (GDPR Art. 17):
// every row about them goes, a tombstone and an audit entry without their name stay, and the
// erasure ledger remembers them for restores. A legal hold refuses it, with the reasons.
import { erasePersons } from '../../core/retention';
import { readSettings } from '../../core/settings';
import { defineCommand } from '../command';
import { CliFailure } from '../messages';
import { findPersonId } from '../person-ref';
import { OPEN_OPTIONS, withRegister } from '../with-register';
import { holdsInWords } from './retention-view';

export const eraseCommand = defineCommand({
  name: 'erase',
  summary: 'erase a person on their request, unless a legal hold applies (owners only)',
  usage: 'kaappi erase --register FILE --user NAME [--recovery-key] --person ID|EMAIL',
  options: { ...OPEN_OPTIONS, person: { type: 'string', help: 'the person: their id, or their email address' } },
  required: ['register', 'user', 'person'],
  run: (values, ctx) =>
    withRegister(values, ctx, 'retention.approve', (register) => {
      const id = findPersonId(register, values.person ?? '', '--person');
      const { held } = erasePersons(
        register,
        { personIds: [id], reason: 'request', action: 'delete' },
        readSettings(register),
      );
      const holds = held[0]?.holds;
      if (holds) throw new CliFailure('eraseHeld', { id, holds: holdsInWords(holds, ctx) });
      ctx.say('personErased', { id });
      return 0;
    }),
});
