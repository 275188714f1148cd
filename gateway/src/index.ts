/** @techally/gateway — the router in front of every subgraph. See README.md. */
export { createGateway, type Gateway, type GatewayOptions } from './app';
export { loadGatewayConfig, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
