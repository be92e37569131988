export async function loadNewsDemo() {}
