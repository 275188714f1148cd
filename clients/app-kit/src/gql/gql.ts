/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AppUnreadNotifications {\n  me {\n    __typename\n    id\n    notifications {\n      __typename\n      unreadCount\n    }\n  }\n}\n\nquery AppNotifications($first: Int!) {\n  me {\n    __typename\n    id\n    notifications(first: $first) {\n      __typename\n      unreadCount\n      edges {\n        __typename\n        node {\n          __typename\n          ...AppNotificationFields\n        }\n      }\n    }\n  }\n}\n\nfragment AppNotificationFields on Notification {\n  __typename\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  order {\n    __typename\n    id\n    number\n  }\n  product {\n    __typename\n    id\n    name\n    slug\n  }\n}\n\nmutation AppMarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    __typename\n    id\n    readAt\n  }\n}\n\nsubscription AppNotificationReceived {\n  notificationReceived {\n    __typename\n    id\n    kind\n    title\n  }\n}": typeof types.AppUnreadNotificationsDocument,
    "fragment AppSessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation AppSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppRefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}": typeof types.AppSessionFieldsFragmentDoc,
};
const documents: Documents = {
    "query AppUnreadNotifications {\n  me {\n    __typename\n    id\n    notifications {\n      __typename\n      unreadCount\n    }\n  }\n}\n\nquery AppNotifications($first: Int!) {\n  me {\n    __typename\n    id\n    notifications(first: $first) {\n      __typename\n      unreadCount\n      edges {\n        __typename\n        node {\n          __typename\n          ...AppNotificationFields\n        }\n      }\n    }\n  }\n}\n\nfragment AppNotificationFields on Notification {\n  __typename\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  order {\n    __typename\n    id\n    number\n  }\n  product {\n    __typename\n    id\n    name\n    slug\n  }\n}\n\nmutation AppMarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    __typename\n    id\n    readAt\n  }\n}\n\nsubscription AppNotificationReceived {\n  notificationReceived {\n    __typename\n    id\n    kind\n    title\n  }\n}": types.AppUnreadNotificationsDocument,
    "fragment AppSessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation AppSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppRefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}": types.AppSessionFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AppUnreadNotifications {\n  me {\n    __typename\n    id\n    notifications {\n      __typename\n      unreadCount\n    }\n  }\n}\n\nquery AppNotifications($first: Int!) {\n  me {\n    __typename\n    id\n    notifications(first: $first) {\n      __typename\n      unreadCount\n      edges {\n        __typename\n        node {\n          __typename\n          ...AppNotificationFields\n        }\n      }\n    }\n  }\n}\n\nfragment AppNotificationFields on Notification {\n  __typename\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  order {\n    __typename\n    id\n    number\n  }\n  product {\n    __typename\n    id\n    name\n    slug\n  }\n}\n\nmutation AppMarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    __typename\n    id\n    readAt\n  }\n}\n\nsubscription AppNotificationReceived {\n  notificationReceived {\n    __typename\n    id\n    kind\n    title\n  }\n}"): (typeof documents)["query AppUnreadNotifications {\n  me {\n    __typename\n    id\n    notifications {\n      __typename\n      unreadCount\n    }\n  }\n}\n\nquery AppNotifications($first: Int!) {\n  me {\n    __typename\n    id\n    notifications(first: $first) {\n      __typename\n      unreadCount\n      edges {\n        __typename\n        node {\n          __typename\n          ...AppNotificationFields\n        }\n      }\n    }\n  }\n}\n\nfragment AppNotificationFields on Notification {\n  __typename\n  id\n  kind\n  title\n  body\n  createdAt\n  readAt\n  order {\n    __typename\n    id\n    number\n  }\n  product {\n    __typename\n    id\n    name\n    slug\n  }\n}\n\nmutation AppMarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    __typename\n    id\n    readAt\n  }\n}\n\nsubscription AppNotificationReceived {\n  notificationReceived {\n    __typename\n    id\n    kind\n    title\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AppSessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation AppSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppRefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}"): (typeof documents)["fragment AppSessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  user {\n    id\n    email\n    name\n    roles\n  }\n}\n\nmutation AppSignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogIn($email: String!, $password: String!) {\n  logIn(email: $email, password: $password) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppRefreshSession($refreshToken: String!) {\n  refreshSession(refreshToken: $refreshToken) {\n    ...AppSessionFields\n  }\n}\n\nmutation AppLogOut($refreshToken: String!) {\n  logOut(refreshToken: $refreshToken)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;