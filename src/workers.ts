// Background workers: importing a module's worker file registers it with registerBackgroundWorker.
import './modules/outbox/worker.ts';
