import { Navigate, Route, Routes } from 'react-router';
import { CallsScreen } from './screens/calls/calls-screen';
import { ControlCenterScreen } from './screens/control-center/control-center-screen';
import { DeliveriesScreen } from './screens/deliveries/deliveries-screen';
import { ExplainScreen } from './screens/explain/explain-screen';
import { ForecastScreen } from './screens/forecast/forecast-screen';
import { MessagesScreen } from './screens/messages/messages-screen';
import { NotFoundScreen } from './screens/not-found-screen';
import { PrintBatchesScreen } from './screens/print-batches/print-batches-screen';
import { SetupScreen } from './screens/setup/setup-screen';
import { QueueScreen } from './screens/queue/queue-screen';
import { NewRecordScreen } from './screens/records/new-record-screen';
import { RecordDetailScreen } from './screens/records/record-detail-screen';
import { RecordListScreen } from './screens/records/record-list-screen';
import { RecordsHomeScreen } from './screens/records/records-home-screen';
import { TasksScreen } from './screens/tasks/tasks-screen';
import { TriggerEditorScreen } from './screens/trigger-editor/trigger-editor-screen';
import { TriggersScreen } from './screens/triggers/triggers-screen';
import { useSession } from './session/session-context';
import { AppLayout } from './shell/app-layout';

/** The signed-in screens. Keyed by studio: switching studios starts every screen afresh. */
export function AppRoutes() {
  const { studio } = useSession();
  return (
    <AppLayout>
      <Routes key={studio.id}>
        <Route path="/" element={<Navigate to="/triggers" replace />} />
        <Route path="/sign-in" element={<Navigate to="/triggers" replace />} />
        <Route path="/triggers" element={<TriggersScreen />} />
        <Route path="/triggers/:id" element={<TriggerEditorScreen />} />
        <Route path="/queue" element={<QueueScreen />} />
        <Route path="/control-center" element={<ControlCenterScreen />} />
        <Route path="/deliveries" element={<DeliveriesScreen />} />
        <Route path="/forecast" element={<ForecastScreen />} />
        <Route path="/explain" element={<ExplainScreen />} />
        <Route path="/messages" element={<MessagesScreen />} />
        <Route path="/records" element={<RecordsHomeScreen />} />
        <Route path="/records/:path" element={<RecordListScreen />} />
        <Route path="/records/:path/new" element={<NewRecordScreen />} />
        <Route path="/records/:path/:id" element={<RecordDetailScreen />} />
        <Route path="/calls" element={<CallsScreen />} />
        <Route path="/tasks" element={<TasksScreen />} />
        <Route path="/print-batches" element={<PrintBatchesScreen />} />
        <Route path="/setup" element={<SetupScreen />} />
        <Route path="*" element={<NotFoundScreen />} />
      </Routes>
    </AppLayout>
  );
}
