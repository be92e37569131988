// Tables owned by the atlas module.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AtlasTables {}
