// Tables owned by the outbox module.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface OutboxTables {}
