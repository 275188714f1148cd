/**
 * Where the session's tokens are kept between launches. The SDK writes one string under one key. Methods may be
 * synchronous or return promises, so Expo's SecureStore, react-native-keychain or a partner's vault fit with a
 * few lines (README, *React Native*). The default keeps them in memory: a restart signs out.
 */
export interface TokenStorage {
  get(key: string): Promise<string | null> | string | null;
  set(key: string, value: string): Promise<void> | void;
  remove(key: string): Promise<void> | void;
}

/** Tokens in memory only (the default): nothing survives the process. */
export function memoryTokenStorage(): TokenStorage {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => {
      values.set(key, value);
    },
    remove: (key) => {
      values.delete(key);
    },
  };
}
