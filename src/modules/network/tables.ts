// Tables owned by the network module.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface NetworkTables {}
