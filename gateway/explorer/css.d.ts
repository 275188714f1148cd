// Style sheets are bundled by esbuild into explorer.css; an import of one has no value.
declare module '*.css';
