/** Backstage catalog files the console tests import through the real API. */

export const acmeCatalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  title: Payments
  description: Card payments and the ledger.
spec:
  type: team
  profile:
    email: payments@acme.example
  children: []
  members: [alice, bob]
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: platform
  title: Platform
spec:
  type: team
  children: []
  members: [carol]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: alice
spec:
  profile:
    displayName: Alice Ng
    email: alice@acme.example
  memberOf: [payments]
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: checkout
  title: Checkout
spec:
  owner: payments
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  title: Payments API
  description: Takes card payments from the web shop.
  tags: [java]
  annotations:
    github.com/project-slug: acme/payments-api
    throughline.dev/tier: "1"
spec:
  type: service
  lifecycle: production
  owner: payments
  system: checkout
  dependsOn: [component:ledger-service]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger-service
  title: Ledger
  description: Double-entry book of every money movement.
  annotations:
    throughline.dev/tier: "2"
spec:
  type: service
  lifecycle: production
  owner: payments
  system: checkout
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search-service
  description: Product search.
  annotations:
    throughline.dev/tier: "3"
spec:
  type: service
  lifecycle: experimental
  owner: platform
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: status-page
  description: Public status page.
spec:
  type: website
  lifecycle: deprecated
  owner: platform
`;

export const acmeServices = ['ledger-service', 'payments-api', 'search-service', 'status-page'];

export const globexCatalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: operations
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: globex-billing
  description: Invoices for Globex customers.
spec:
  type: service
  lifecycle: production
  owner: operations
`;

export const globexServices = ['globex-billing'];

/** A missing owner, a bad tier and one good service: the import page must list both problems. */
export const brokenCatalog = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ownerless-service
spec:
  type: service
  lifecycle: production
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: mistiered-service
  annotations:
    throughline.dev/tier: "9"
spec:
  type: service
  lifecycle: production
  owner: platform
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fresh-service
spec:
  type: service
  lifecycle: experimental
  owner: platform
`;
