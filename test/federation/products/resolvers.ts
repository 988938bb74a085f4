/** Resolvers of the compatibility-suite "products" subgraph over the fixed data set in `data.ts`. */
import { deprecatedProduct, inventories, products, research, user, type Product, type User } from './data.js';

/** An entity representation as `_entities` receives it: `__typename` plus key (and @requires) fields. */
type Reference<T> = { __typename: string } & T;

type ProductRef = Reference<{ id?: string; sku?: string; package?: string; variation?: { id?: string } }>;
type UserRef = Reference<Partial<User>>;

/** Finds a product by whichever of its three @key field sets the representation carries. */
function findProduct(ref: ProductRef): Product | null {
  if (ref.id !== undefined) return products.find((p) => p.id === ref.id) ?? null;
  if (ref.sku !== undefined && ref.package !== undefined) {
    return products.find((p) => p.sku === ref.sku && p.package === ref.package) ?? null;
  }
  if (ref.sku !== undefined && ref.variation?.id !== undefined) {
    return products.find((p) => p.sku === ref.sku && p.variation.id === ref.variation?.id) ?? null;
  }
  return null;
}

/** The resolver map handed to `buildSubgraph`. */
export const resolvers = {
  Query: {
    product: (_: unknown, args: { id: string }) => findProduct({ __typename: 'Product', id: args.id }),
    deprecatedProduct: (_: unknown, args: { sku: string; package: string }) =>
      args.sku === deprecatedProduct.sku && args.package === deprecatedProduct.package ? deprecatedProduct : null,
  },
  Product: {
    __resolveReference: findProduct,
  },
  DeprecatedProduct: {
    __resolveReference: (ref: Reference<{ sku: string; package: string }>) =>
      ref.sku === deprecatedProduct.sku && ref.package === deprecatedProduct.package ? deprecatedProduct : null,
  },
  ProductResearch: {
    __resolveReference: (ref: Reference<{ study: { caseNumber: string } }>) =>
      research.find((r) => r.study.caseNumber === ref.study.caseNumber) ?? null,
  },
  User: {
    // The gateway sends @requires fields (totalProductsCreated, yearsOfEmployment from the users
    // subgraph) in the representation; they must win over our local copy.
    __resolveReference: (ref: UserRef): User | null =>
      ref.email === user.email ? { ...user, ...ref } : null,
    averageProductsCreatedPerYear: (u: User) =>
      u.totalProductsCreated && u.yearsOfEmployment ? Math.round(u.totalProductsCreated / u.yearsOfEmployment) : null,
    // `name` is @override(from: "users"): this subgraph is now its owner.
    name: () => user.name,
  },
  Inventory: {
    __resolveReference: (ref: Reference<{ id: string }>) => inventories.find((i) => i.id === ref.id) ?? null,
  },
};

