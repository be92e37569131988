// Tables owned by the settings module.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SettingsTables {}
