-- Coding memory per workspace (F9-F13): item accounts, supplier defaults, tax mapping, tracking aliases.

CREATE TABLE item_mappings (
    workspace_id text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    item_key     text        NOT NULL,                 -- the platform's SKU (or product id)
    account_code text,
    item_code    text,                                 -- the Xero item code, when it differs from the SKU
    properties   jsonb       NOT NULL DEFAULT '{}'::jsonb, -- product-level xero_<Category> tracking
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, item_key)
);

CREATE TABLE supplier_mappings (
    workspace_id text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    supplier_key text        NOT NULL,                 -- supplier workspace id, ABN or normalised name
    account_code text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, supplier_key)
);

CREATE TABLE tax_mappings (
    workspace_id       text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    platform_code      text        NOT NULL,           -- GST, GST_FREE, ...
    sales_tax_type     text,                           -- Xero TaxType on the supplier's invoices
    purchases_tax_type text,                           -- Xero TaxType on the venue's bills
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, platform_code)
);

CREATE TABLE tracking_mappings (
    workspace_id text        NOT NULL REFERENCES workspaces ON DELETE CASCADE,
    mapping_key  text        NOT NULL,                 -- <Category> or <Category>:<value> as the platform names them
    xero_name    text        NOT NULL,                 -- the organisation's category or option name
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, mapping_key)
);
