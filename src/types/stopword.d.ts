// Types for the parts of the `stopword` package that the matcher uses.
declare module 'stopword' {
  export const nld: string[];
  export const eng: string[];
}
