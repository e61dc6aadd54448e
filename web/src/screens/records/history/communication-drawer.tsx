import { Drawer } from '@mantine/core';
import type { Communication } from '../../../api/communications-api';
import { CommunicationView } from './communication-view';
import { channelLabel } from './history-words';

interface Props {
  communication: Communication | null;
  timeZone: string;
  onClose: () => void;
}

/** The drawer that shows one communication, rendered; shared by record history and the inbox. */
export function CommunicationDrawer({ communication, timeZone, onClose }: Props) {
  const title = communication
    ? `${channelLabel(communication.channel)} to ${communication.recipient_name ?? communication.to_address ?? 'nobody'}`
    : '';
  return (
    <Drawer opened={communication !== null} onClose={onClose} position="right" size="lg" title={title}>
      {communication && <CommunicationView communication={communication} timeZone={timeZone} />}
    </Drawer>
  );
}
