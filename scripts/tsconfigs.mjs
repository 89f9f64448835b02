// The tsconfig of each layer (README, "Layout of src/"), then the one for tests and tooling.
// `npm run typecheck` and the test runner both check these, in this order.
export const LAYER_TSCONFIGS = ['tsconfig.core.json', 'tsconfig.renderer.json', 'tsconfig.node.json', 'tsconfig.server.json', 'tsconfig.json'];
