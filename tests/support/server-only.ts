// Stands in for the "server-only" guard package when server modules run under vitest.
export {};
