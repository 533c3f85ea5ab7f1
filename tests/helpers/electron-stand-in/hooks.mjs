// Module resolution hook: 'electron' is the recording stand-in, everything else resolves as usual.
const STAND_IN = new URL('./stand-in.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return nextResolve(specifier, context);
}
