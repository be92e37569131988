// Tables owned by the audit module.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AuditTables {}
