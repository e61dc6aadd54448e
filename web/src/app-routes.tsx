import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { lazyScreen } from './lazy-screen';
import { useSession } from './session/session-context';
import { AppLayout } from './shell/app-layout';
import { ScreenLoader } from './shell/screen-loader';

const CallsScreen = lazyScreen(() => import('./screens/calls/calls-screen'), 'CallsScreen');
const ControlCenterScreen = lazyScreen(
  () => import('./screens/control-center/control-center-screen'),
  'ControlCenterScreen',
);
const DeliveriesScreen = lazyScreen(
  () => import('./screens/deliveries/deliveries-screen'),
  'DeliveriesScreen',
);
const ExplainScreen = lazyScreen(() => import('./screens/explain/explain-screen'), 'ExplainScreen');
const ForecastScreen = lazyScreen(() => import('./screens/forecast/forecast-screen'), 'ForecastScreen');
const MessagesScreen = lazyScreen(() => import('./screens/messages/messages-screen'), 'MessagesScreen');
const NotFoundScreen = lazyScreen(() => import('./screens/not-found-screen'), 'NotFoundScreen');
const PrintBatchesScreen = lazyScreen(
  () => import('./screens/print-batches/print-batches-screen'),
  'PrintBatchesScreen',
);
const SetupScreen = lazyScreen(() => import('./screens/setup/setup-screen'), 'SetupScreen');
const QueueScreen = lazyScreen(() => import('./screens/queue/queue-screen'), 'QueueScreen');
const NewRecordScreen = lazyScreen(() => import('./screens/records/new-record-screen'), 'NewRecordScreen');
const RecordDetailScreen = lazyScreen(
  () => import('./screens/records/record-detail-screen'),
  'RecordDetailScreen',
);
const RecordListScreen = lazyScreen(() => import('./screens/records/record-list-screen'), 'RecordListScreen');
const RecordsHomeScreen = lazyScreen(
  () => import('./screens/records/records-home-screen'),
  'RecordsHomeScreen',
);
const TasksScreen = lazyScreen(() => import('./screens/tasks/tasks-screen'), 'TasksScreen');
const TriggerEditorScreen = lazyScreen(
  () => import('./screens/trigger-editor/trigger-editor-screen'),
  'TriggerEditorScreen',
);
const TriggersScreen = lazyScreen(() => import('./screens/triggers/triggers-screen'), 'TriggersScreen');

/**
 * The signed-in screens, each loaded when first opened. Keyed by studio: switching studios starts
 * every screen afresh.
 */
export function AppRoutes() {
  const { studio } = useSession();
  return (
    <AppLayout>
      <Suspense fallback={<ScreenLoader label="Loading the screen" />}>
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
      </Suspense>
    </AppLayout>
  );
}
