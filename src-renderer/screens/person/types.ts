// What every card of the person view gets: the person's detail and a way to fetch it again.
import type { ChannelOutput } from '../../../src-shared/contract';

export type PersonDetail = ChannelOutput<'persons.get'>;

export interface CardProps {
  detail: PersonDetail;
  /** Fetches the detail again after a change. */
  reload: () => Promise<void>;
  /** The user may write and the person is not restricted. */
  editable: boolean;
}
