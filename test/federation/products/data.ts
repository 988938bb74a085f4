/**
 * The data set the federation compatibility suite expects from a "products" subgraph, as given in
 * the suite's COMPATIBILITY.md ("Expected Data Sets"). The tests assert these exact values.
 */

/** A user as this subgraph knows it; `yearsOfEmployment` only ever arrives from the users subgraph (@requires). */
export interface User {
  email: string;
  name: string;
  totalProductsCreated?: number | null;
  yearsOfEmployment?: number | null;
}

/** `ProductDimension`; `unit` is @inaccessible to the supergraph but still served here. */
export interface Dimension {
  size: string;
  weight: number;
  unit: string;
}

/** `CaseStudy` inside `ProductResearch` (the composite `study { caseNumber }` key). */
export interface Research {
  study: { caseNumber: string; description: string };
  outcome: string | null;
}

/** `Product`, reachable by any of its three keys. */
export interface Product {
  id: string;
  sku: string;
  package: string;
  variation: { id: string };
  dimensions: Dimension;
  research: Research[];
  createdBy: User;
  notes: string | null;
}

/** `DeprecatedProduct`, keyed by `sku package`. */
export interface DeprecatedProduct {
  sku: string;
  package: string;
  reason: string;
  createdBy: User;
}

/** `Inventory` (@interfaceObject): this subgraph adds `deprecatedProducts` to the inventory subgraph's interface. */
export interface Inventory {
  id: string;
  deprecatedProducts: DeprecatedProduct[];
}

// 1337 is what @provides must return: the users subgraph would say 10, and the test only forbids 4.
export const user: User = {
  email: 'support@apollographql.com',
  name: 'Jane Smith',
  totalProductsCreated: 1337,
};

export const dimension: Dimension = { size: 'small', weight: 1, unit: 'kg' };

export const research: Research[] = [
  { study: { caseNumber: '1234', description: 'Federation Study' }, outcome: null },
  { study: { caseNumber: '1235', description: 'Studio Study' }, outcome: null },
];

export const products: Product[] = [
  {
    id: 'apollo-federation',
    sku: 'federation',
    package: '@apollo/federation',
    variation: { id: 'OSS' },
    dimensions: dimension,
    research: [research[0]!],
    createdBy: user,
    notes: null,
  },
  {
    id: 'apollo-studio',
    sku: 'studio',
    package: '',
    variation: { id: 'platform' },
    dimensions: dimension,
    research: [research[1]!],
    createdBy: user,
    notes: null,
  },
];

export const deprecatedProduct: DeprecatedProduct = {
  sku: 'apollo-federation-v1',
  package: '@apollo/federation-v1',
  reason: 'Migrate to Federation V2',
  createdBy: user,
};

// The inventory subgraph serves `inventory(id: "apollo-oss")`; its deprecated products come from here.
export const inventories: Inventory[] = [{ id: 'apollo-oss', deprecatedProducts: [deprecatedProduct] }];
