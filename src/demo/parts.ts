// The demo parts in the order they load. Each module's demo.ts calls registerDemoPart().
export {};
