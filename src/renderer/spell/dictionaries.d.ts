/** The Hunspell dictionaries the app ships, put in the worker's bundle by electron.vite.config.ts. */
declare module 'virtual:spell-dictionaries' {
  const dictionaries: import('./engine').Dictionaries;
  export default dictionaries;
}
