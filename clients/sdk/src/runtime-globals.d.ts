// The only globals the SDK uses beyond the language: React Native, browsers and Node 20+ all provide them. Its
// tsconfig has no DOM or Node types, so anything else (window, localStorage, document, Buffer) fails the build.

interface AbortSignal {
  readonly aborted: boolean;
}

declare function setTimeout(callback: () => void, ms?: number): unknown;
