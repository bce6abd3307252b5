import { createContext, useContext } from "react";

/**
 * This response's CSP nonce, from the server's security headers (app/http/security-headers.server.ts)
 * through entry.server to the inline scripts root renders. In the browser it is "": the browser hides
 * nonces from the page, and hydration needs no new scripts.
 */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
