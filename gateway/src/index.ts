/** @techally/gateway — the router in front of every subgraph. See README.md. */
export { createGateway, type Gateway, type GatewayOptions } from './app';
export { partnerContract, PartnerContractError, PARTNER_CONTRACT_TAG, type PartnerContract } from './edge/partner-contract/partner-contract';
export { loadGatewayConfig, DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
