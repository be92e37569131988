// Tables owned by the auth module.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AuthTables {}
