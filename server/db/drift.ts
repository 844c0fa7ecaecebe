import internals from "@prisma/internals";
import pg from "pg";

/**
 * Compares what `schema.prisma` declares with what a migrated database contains, the
 * way `prisma migrate diff` would, for what Prisma can express: tables, columns (type,
 * nullability, default), enums, primary keys, unique and plain indexes, foreign keys.
 * Everything else PostgreSQL has and Prisma cannot say is ignored: RLS policies, grants,
 * triggers, functions, roles, CHECK constraints, and indexes that are expression-based,
 * partial, have INCLUDE columns or are named with one of IGNORED_INDEX_PREFIXES.
 *
 * Known limits: foreign-key names are not compared (Prisma's DMMF does not expose a
 * relation's `map:`); defaults of Unsupported(...) and Bytes fields are not compared;
 * models and fields marked @ignore/@@ignore are absent from the DMMF and so count as
 * absent from the schema; one database schema (multiSchema is not supported).
 */

/**
 * Hand-written indexes Prisma cannot declare (full-text, trigram, ...) live in migrations
 * only. Name them with one of these prefixes and drift detection leaves them alone.
 */
export const IGNORED_INDEX_PREFIXES: readonly string[] = ["manual_"];

export async function findSchemaDrift(options: {
  schemaText: string;
  connectionString: string;
  /** PostgreSQL schema to inspect; default `public`. */
  schema?: string;
}): Promise<string[]> {
  const expected = await shapeFromPrismaSchema(options.schemaText);
  const actual = await shapeFromDatabase(options.connectionString, options.schema ?? "public");
  return compareShapes(expected, actual);
}

// ---------------------------------------------------------------------------
// The common shape both sides are reduced to
// ---------------------------------------------------------------------------

interface SchemaShape {
  enums: Map<string, string[]>;
  tables: Map<string, TableShape>;
}

interface TableShape {
  name: string;
  columns: Map<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | undefined;
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

interface ColumnShape {
  /** As PostgreSQL's format_type() spells it; enums as `enum "Name"`. */
  type: string;
  nullable: boolean;
  default: DefaultShape;
}

type DefaultShape =
  | { kind: "none" }
  | { kind: "sequence" }
  /** Not compared: Prisma cannot say, or the column is generated. */
  | { kind: "unchecked" }
  | { kind: "expression"; sql: string; dateTime?: boolean };

interface IndexShape {
  name: string;
  unique: boolean;
  method: string;
  columns: { name: string; descending: boolean }[];
}

type ReferentialAction = "CASCADE" | "RESTRICT" | "NO ACTION" | "SET NULL" | "SET DEFAULT";

interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

function emptyTable(name: string): TableShape {
  return { name, columns: new Map(), primaryKey: undefined, indexes: [], foreignKeys: [] };
}

// ---------------------------------------------------------------------------
// schema.prisma side (DMMF)
// ---------------------------------------------------------------------------

type Datamodel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];
type DmmfIndex = Datamodel["indexes"][number];
type DmmfEnum = Datamodel["enums"][number];

/** PostgreSQL's identifier limit, which Prisma's default constraint names respect. */
const MAX_IDENTIFIER_BYTES = 63;

async function shapeFromPrismaSchema(schemaText: string): Promise<SchemaShape> {
  const { datamodel } = await internals.getDMMF({ datamodel: schemaText });
  const unsupported = unsupportedFields(schemaText);
  const enums = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const tables = new Map<string, TableShape>();
  for (const model of datamodel.models) {
    const table = modelTable(model, datamodel, unsupported.get(model.name) ?? []);
    tables.set(table.name, table);
  }
  for (const joinTable of implicitManyToManyTables(datamodel)) tables.set(joinTable.name, joinTable);
  return { enums, tables };
}

function tableName(model: Model): string {
  return model.dbName ?? model.name;
}

function columnName(field: Field): string {
  return field.dbName ?? field.name;
}

function findModel(datamodel: Datamodel, name: string): Model {
  const model = datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`schema.prisma: model ${name} is referenced but not defined`);
  return model;
}

function modelTable(model: Model, datamodel: Datamodel, unsupported: UnsupportedField[]): TableShape {
  const table = emptyTable(tableName(model));
  const columnOf = new Map<string, string>();
  for (const field of model.fields) {
    if (field.kind !== "scalar" && field.kind !== "enum") continue;
    columnOf.set(field.name, columnName(field));
    table.columns.set(columnName(field), expectedColumn(field, datamodel.enums));
  }
  for (const field of unsupported) {
    columnOf.set(field.name, field.column);
    table.columns.set(field.column, { type: field.type, nullable: field.nullable, default: { kind: "unchecked" } });
  }
  const column = (fieldName: string) => columnOf.get(fieldName) ?? fieldName;
  for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
    addDeclaredIndex(table, index, column);
  }
  table.foreignKeys = model.fields.flatMap((field) => declaredForeignKey(field, model, datamodel));
  return table;
}

function addDeclaredIndex(table: TableShape, index: DmmfIndex, column: (field: string) => string): void {
  const columns = index.fields.map((f) => ({ name: column(f.name), descending: f.sortOrder === "desc" }));
  const columnNames = columns.map((c) => c.name);
  if (index.type === "id") {
    table.primaryKey = { name: index.dbName ?? primaryKeyName(table.name), columns: columnNames };
    return;
  }
  if (index.type !== "unique" && index.type !== "normal") return;
  const unique = index.type === "unique";
  table.indexes.push({
    name: index.dbName ?? defaultIndexName(table.name, columnNames, unique ? "_key" : "_idx"),
    unique,
    method: (index.algorithm ?? "BTree").toLowerCase(),
    columns,
  });
}

function declaredForeignKey(field: Field, model: Model, datamodel: Datamodel): ForeignKeyShape[] {
  const from = field.relationFromFields ?? [];
  if (field.kind !== "object" || from.length === 0) return [];
  const target = findModel(datamodel, field.type);
  const columnIn = (m: Model, name: string) => {
    const scalar = m.fields.find((f) => f.name === name);
    return scalar ? columnName(scalar) : name;
  };
  return [
    {
      columns: from.map((name) => columnIn(model, name)),
      referencedTable: tableName(target),
      referencedColumns: (field.relationToFields ?? []).map((name) => columnIn(target, name)),
      // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
      onDelete: referentialAction(field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
      onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
    },
  ];
}

function referentialAction(prismaAction: string): ReferentialAction {
  const actions: Record<string, ReferentialAction> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  return actions[prismaAction] ?? "NO ACTION";
}

/** Prisma's default names (psl ConstraintNames): `<table>_<columns>_<suffix>`, cut to fit 63 bytes. */
function defaultIndexName(table: string, columns: string[], suffix: "_key" | "_idx" | "_fkey"): string {
  return `${truncateBytes(`${table}_${columns.join("_")}`, MAX_IDENTIFIER_BYTES - suffix.length)}${suffix}`;
}

function primaryKeyName(table: string): string {
  return `${truncateBytes(table, MAX_IDENTIFIER_BYTES - "_pkey".length)}_pkey`;
}

function truncateBytes(text: string, maxBytes: number): string {
  let result = "";
  for (const char of text) {
    if (Buffer.byteLength(result + char) > maxBytes) break;
    result += char;
  }
  return result;
}

// --- column types and defaults ---

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

/** Prisma's PostgreSQL native types, as format_type() prints them; `$` is the argument list. */
const NATIVE_TYPES: Record<string, { withArgs: string; bare: string }> = {
  Text: { withArgs: "text", bare: "text" },
  Char: { withArgs: "character$", bare: "character(1)" },
  VarChar: { withArgs: "character varying$", bare: "character varying" },
  Bit: { withArgs: "bit$", bare: "bit(1)" },
  VarBit: { withArgs: "bit varying$", bare: "bit varying" },
  Uuid: { withArgs: "uuid", bare: "uuid" },
  Xml: { withArgs: "xml", bare: "xml" },
  Inet: { withArgs: "inet", bare: "inet" },
  Citext: { withArgs: "citext", bare: "citext" },
  Boolean: { withArgs: "boolean", bare: "boolean" },
  SmallInt: { withArgs: "smallint", bare: "smallint" },
  Integer: { withArgs: "integer", bare: "integer" },
  Oid: { withArgs: "oid", bare: "oid" },
  BigInt: { withArgs: "bigint", bare: "bigint" },
  Real: { withArgs: "real", bare: "real" },
  DoublePrecision: { withArgs: "double precision", bare: "double precision" },
  Decimal: { withArgs: "numeric$", bare: "numeric" },
  Money: { withArgs: "money", bare: "money" },
  Timestamp: { withArgs: "timestamp$ without time zone", bare: "timestamp without time zone" },
  Timestamptz: { withArgs: "timestamp$ with time zone", bare: "timestamp with time zone" },
  Date: { withArgs: "date", bare: "date" },
  Time: { withArgs: "time$ without time zone", bare: "time without time zone" },
  Timetz: { withArgs: "time$ with time zone", bare: "time with time zone" },
  Json: { withArgs: "json", bare: "json" },
  JsonB: { withArgs: "jsonb", bare: "jsonb" },
  ByteA: { withArgs: "bytea", bare: "bytea" },
};

function expectedColumn(field: Field, enums: readonly DmmfEnum[]): ColumnShape {
  const enumType = field.kind === "enum" ? enums.find((e) => e.name === field.type) : undefined;
  const baseType = enumType ? enumTypeLabel(enumType.dbName ?? enumType.name) : scalarType(field);
  return {
    type: field.isList ? `${baseType}[]` : baseType,
    // Prisma creates scalar lists without NOT NULL.
    nullable: field.isList || !field.isRequired,
    default: expectedDefault(field, enumType),
  };
}

function enumTypeLabel(name: string): string {
  return `enum "${name}"`;
}

function scalarType(field: Field): string {
  if (!field.nativeType) return SCALAR_TYPES[field.type] ?? field.type.toLowerCase();
  const [name, args] = field.nativeType;
  const native = NATIVE_TYPES[name];
  if (!native) return name.toLowerCase();
  return args.length === 0 ? native.bare : native.withArgs.replace("$", `(${args.join(",")})`);
}

function expectedDefault(field: Field, enumType: DmmfEnum | undefined): DefaultShape {
  const value = field.default;
  if (value === undefined) return { kind: "none" };
  if (field.type === "Bytes") return { kind: "unchecked" };
  if (typeof value === "object" && "name" in value) return functionDefault(value.name, value.args);
  const literal = (item: string | number | boolean) => sqlLiteral(item, field.type, enumType);
  const sql = typeof value === "object" ? `ARRAY[${value.map(literal).join(", ")}]` : literal(value);
  return { kind: "expression", sql, dateTime: field.type === "DateTime" };
}

function functionDefault(name: string, args: readonly (string | number)[]): DefaultShape {
  switch (name) {
    case "autoincrement":
      return { kind: "sequence" };
    case "now":
      return { kind: "expression", sql: "CURRENT_TIMESTAMP" };
    case "dbgenerated":
      return args[0] === undefined ? { kind: "unchecked" } : { kind: "expression", sql: String(args[0]) };
    default:
      return { kind: "none" }; // uuid(), cuid(), nanoid(), ulid(): generated by Prisma Client, not the database
  }
}

const NUMERIC_TYPES = new Set(["Int", "BigInt", "Float", "Decimal"]);

function sqlLiteral(value: string | number | boolean, fieldType: string, enumType: DmmfEnum | undefined): string {
  // BigInt and Decimal defaults arrive as strings.
  if (typeof value !== "string" || NUMERIC_TYPES.has(fieldType)) return String(value);
  const enumValue = enumType?.values.find((v) => v.name === value);
  const text = enumValue ? (enumValue.dbName ?? enumValue.name) : value;
  return `'${text.replaceAll("'", "''")}'`;
}

// --- Unsupported("...") fields, which the DMMF leaves out ---

interface UnsupportedField {
  name: string;
  column: string;
  type: string;
  nullable: boolean;
}

function unsupportedFields(schemaText: string): Map<string, UnsupportedField[]> {
  const byModel = new Map<string, UnsupportedField[]>();
  for (const block of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, model = "", body = ""] = block;
    const fields = body.split("\n").flatMap((line) => parseUnsupportedField(line));
    if (fields.length > 0) byModel.set(model, fields);
  }
  return byModel;
}

function parseUnsupportedField(line: string): UnsupportedField[] {
  const match = /^\s*(\w+)\s+Unsupported\(\s*"((?:[^"\\]|\\.)*)"\s*\)(\?|\[\])?(.*)$/.exec(line);
  if (!match) return [];
  const [, name = "", type = "", modifier, rest = ""] = match;
  const mapped = /@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(rest)?.[1];
  const baseType = type.trim().toLowerCase().replace(/\s+/g, " ");
  return [
    {
      name,
      column: mapped ?? name,
      type: modifier === "[]" ? `${baseType}[]` : baseType,
      nullable: modifier !== undefined,
    },
  ];
}

// --- implicit many-to-many relation tables ---

/** `_<RelationName>` with columns A and B, ordered by model name, as Prisma creates them. */
function implicitManyToManyTables(datamodel: Datamodel): TableShape[] {
  const tables = new Map<string, TableShape>();
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      const relationName = field.relationName;
      if (!relationName || tables.has(`_${relationName}`) || !isImplicitManyToMany(field, datamodel)) continue;
      const [a = "", b = ""] = [model.name, field.type].sort(compareCodePoints);
      const name = `_${relationName}`;
      tables.set(name, joinTable(name, findModel(datamodel, a), findModel(datamodel, b)));
    }
  }
  return [...tables.values()];
}

function isImplicitManyToMany(field: Field, datamodel: Datamodel): boolean {
  if (field.kind !== "object" || !field.isList || (field.relationFromFields ?? []).length > 0) return false;
  const other = findModel(datamodel, field.type).fields.filter(
    (f) => f.relationName === field.relationName && f !== field,
  );
  const opposite = other[0] ?? field; // a self-relation's opposite may be the field itself
  return opposite.isList && (opposite.relationFromFields ?? []).length === 0;
}

function joinTable(name: string, a: Model, b: Model): TableShape {
  const table = emptyTable(name);
  for (const [column, model] of [["A", a], ["B", b]] as const) {
    const id = model.fields.find((f) => f.isId);
    if (!id) throw new Error(`schema.prisma: model ${model.name} in an implicit many-to-many relation needs an @id`);
    table.columns.set(column, { type: scalarType(id), nullable: false, default: { kind: "none" } });
    table.foreignKeys.push({
      columns: [column],
      referencedTable: tableName(model),
      referencedColumns: [columnName(id)],
      onDelete: "CASCADE",
      onUpdate: "CASCADE",
    });
  }
  table.primaryKey = { name: `${name}_AB_pkey`, columns: ["A", "B"] };
  table.indexes.push({ name: `${name}_B_index`, unique: false, method: "btree", columns: [{ name: "B", descending: false }] });
  return table;
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------------------
// Database side (pg_catalog)
// ---------------------------------------------------------------------------

const MIGRATIONS_TABLE = "_prisma_migrations";

async function shapeFromDatabase(connectionString: string, schema: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = new Map<string, TableShape>();
    const table = (name: string) => {
      const existing = tables.get(name) ?? emptyTable(name);
      tables.set(name, existing);
      return existing;
    };
    for (const name of await readTableNames(client, schema)) table(name);
    for (const row of await readColumns(client, schema)) table(row.table_name).columns.set(row.column_name, actualColumn(row));
    for (const row of await readIndexes(client, schema)) addActualIndex(table(row.table_name), row);
    for (const row of await readForeignKeys(client, schema)) table(row.table_name).foreignKeys.push(actualForeignKey(row));
    tables.delete(MIGRATIONS_TABLE);
    return { enums: await readEnums(client, schema), tables };
  } finally {
    await client.end();
  }
}

async function readTableNames(client: pg.Client, schema: string): Promise<string[]> {
  const result = await client.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    [schema],
  );
  return result.rows.map((row) => row.relname);
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  formatted_type: string;
  enum_name: string | null;
  is_array: boolean;
  not_null: boolean;
  default_sql: string | null;
  generated: boolean;
}

async function readColumns(client: pg.Client, schema: string): Promise<ColumnRow[]> {
  const result = await client.query<ColumnRow>(
    `SELECT c.relname AS table_name, a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS formatted_type,
            CASE WHEN t.typtype = 'e' THEN t.typname WHEN et.typtype = 'e' THEN et.typname END AS enum_name,
            t.typcategory = 'A' AS is_array,
            a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS default_sql,
            (a.attgenerated <> '' OR a.attidentity <> '') AS generated
     FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  return result.rows;
}

function actualColumn(row: ColumnRow): ColumnShape {
  const enumType = row.enum_name ? `${enumTypeLabel(row.enum_name)}${row.is_array ? "[]" : ""}` : undefined;
  let columnDefault: DefaultShape = { kind: "none" };
  if (row.generated) columnDefault = { kind: "unchecked" };
  else if (row.default_sql !== null) columnDefault = { kind: "expression", sql: row.default_sql };
  return { type: enumType ?? row.formatted_type, nullable: !row.not_null, default: columnDefault };
}

interface IndexRow {
  table_name: string;
  index_name: string;
  is_primary: boolean;
  is_unique: boolean;
  method: string;
  columns: string[];
  options: number[];
  /** Expression, partial, INCLUDE or exclusion: nothing Prisma can declare. */
  inexpressible: boolean;
}

async function readIndexes(client: pg.Client, schema: string): Promise<IndexRow[]> {
  const result = await client.query<IndexRow>(
    `SELECT c.relname AS table_name, i.relname AS index_name, x.indisprimary AS is_primary,
            x.indisunique AS is_unique, am.amname AS method,
            ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                  ORDER BY k.ord)::text[] AS columns,
            x.indoption::int2[] AS options,
            (x.indexprs IS NOT NULL OR x.indpred IS NOT NULL OR x.indnkeyatts <> x.indnatts OR x.indisexclusion)
              AS inexpressible
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class c ON c.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_am am ON am.oid = i.relam
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`,
    [schema],
  );
  return result.rows;
}

function addActualIndex(table: TableShape, row: IndexRow): void {
  if (row.inexpressible) return;
  if (row.is_primary) {
    table.primaryKey = { name: row.index_name, columns: row.columns };
    return;
  }
  table.indexes.push({
    name: row.index_name,
    unique: row.is_unique,
    method: row.method,
    // indoption bit 0 is DESC.
    columns: row.columns.map((name, i) => ({ name, descending: ((row.options[i] ?? 0) & 1) === 1 })),
  });
}

interface ForeignKeyRow {
  table_name: string;
  referenced_table: string;
  columns: string[];
  referenced_columns: string[];
  on_delete: string;
  on_update: string;
}

async function readForeignKeys(client: pg.Client, schema: string): Promise<ForeignKeyRow[]> {
  const result = await client.query<ForeignKeyRow>(
    `SELECT c.relname AS table_name, rc.relname AS referenced_table,
            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[]
              AS referenced_columns,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update
     FROM pg_constraint con
     JOIN pg_class c ON c.oid = con.conrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_class rc ON rc.oid = con.confrelid
     WHERE con.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  return result.rows;
}

function actualForeignKey(row: ForeignKeyRow): ForeignKeyShape {
  const actions: Record<string, ReferentialAction> = {
    a: "NO ACTION",
    r: "RESTRICT",
    c: "CASCADE",
    n: "SET NULL",
    d: "SET DEFAULT",
  };
  return {
    columns: row.columns,
    referencedTable: row.referenced_table,
    referencedColumns: row.referenced_columns,
    onDelete: actions[row.on_delete] ?? "NO ACTION",
    onUpdate: actions[row.on_update] ?? "NO ACTION",
  };
}

async function readEnums(client: pg.Client, schema: string): Promise<Map<string, string[]>> {
  const result = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  return new Map(result.rows.map((row) => [row.name, row.labels]));
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

const IN_SCHEMA_ONLY = "is in schema.prisma but not in the database";
const IN_DATABASE_ONLY = "is in the database but not in schema.prisma";

function compareShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences = compareEnums(expected.enums, actual.enums);
  for (const name of sortedUnion(expected.tables.keys(), actual.tables.keys())) {
    const wanted = expected.tables.get(name);
    const found = actual.tables.get(name);
    if (!found) differences.push(`table "${name}" ${IN_SCHEMA_ONLY}`);
    else if (!wanted) differences.push(`table "${name}" ${IN_DATABASE_ONLY}`);
    else differences.push(...compareTables(wanted, found));
  }
  return differences;
}

function compareEnums(expected: Map<string, string[]>, actual: Map<string, string[]>): string[] {
  return sortedUnion(expected.keys(), actual.keys()).flatMap((name) => {
    const wanted = expected.get(name);
    const found = actual.get(name);
    if (!found) return [`enum "${name}" ${IN_SCHEMA_ONLY}`];
    if (!wanted) return [`enum "${name}" ${IN_DATABASE_ONLY}`];
    if (wanted.join("\u0000") === found.join("\u0000")) return [];
    return [`enum "${name}" has values (${found.join(", ")}) in the database but (${wanted.join(", ")}) in schema.prisma`];
  });
}

function compareTables(expected: TableShape, actual: TableShape): string[] {
  return [
    ...compareColumns(expected, actual),
    ...comparePrimaryKeys(expected, actual),
    ...compareIndexes(expected, actual),
    ...compareForeignKeys(expected, actual),
  ];
}

function compareColumns(expected: TableShape, actual: TableShape): string[] {
  return sortedUnion(expected.columns.keys(), actual.columns.keys()).flatMap((name) => {
    const label = `column "${expected.name}"."${name}"`;
    const wanted = expected.columns.get(name);
    const found = actual.columns.get(name);
    if (!found) return [`${label} ${IN_SCHEMA_ONLY}`];
    if (!wanted) return [`${label} ${IN_DATABASE_ONLY}`];
    const differences: string[] = [];
    if (wanted.type !== found.type) {
      differences.push(`${label} has type ${found.type} in the database but ${wanted.type} in schema.prisma`);
    }
    if (wanted.nullable !== found.nullable) {
      differences.push(
        `${label} is ${found.nullable ? "nullable" : "NOT NULL"} in the database but ${wanted.nullable ? "optional" : "required"} in schema.prisma`,
      );
    }
    if (!defaultsAgree(wanted.default, found.default)) {
      differences.push(
        `${label} has ${describeDefault(found.default)} in the database but ${describeDefault(wanted.default)} in schema.prisma`,
      );
    }
    return differences;
  });
}

function comparePrimaryKeys(expected: TableShape, actual: TableShape): string[] {
  const wanted = expected.primaryKey;
  const found = actual.primaryKey;
  const describe = (key: TableShape["primaryKey"]) => (key ? `"${key.name}" (${quoteList(key.columns)})` : "none");
  if (wanted?.name === found?.name && wanted?.columns.join(",") === found?.columns.join(",")) return [];
  return [`primary key of "${expected.name}" is ${describe(found)} in the database but ${describe(wanted)} in schema.prisma`];
}

/** Indexes match by name; an index found under another name with the same definition is a rename. */
function compareIndexes(expected: TableShape, actual: TableShape): string[] {
  const wantedNames = new Set(expected.indexes.map((index) => index.name));
  const found = actual.indexes.filter(
    (index) => wantedNames.has(index.name) || !IGNORED_INDEX_PREFIXES.some((prefix) => index.name.startsWith(prefix)),
  );
  const differences: string[] = [];
  const unmatchedFound = new Map(found.map((index) => [index.name, index]));
  const unmatchedWanted: IndexShape[] = [];
  for (const wanted of expected.indexes) {
    const sameName = unmatchedFound.get(wanted.name);
    if (!sameName) {
      unmatchedWanted.push(wanted);
      continue;
    }
    unmatchedFound.delete(wanted.name);
    if (indexDefinition(sameName) !== indexDefinition(wanted)) {
      differences.push(
        `index "${wanted.name}" on "${expected.name}" is ${indexDefinition(sameName)} in the database but ${indexDefinition(wanted)} in schema.prisma`,
      );
    }
  }
  for (const wanted of unmatchedWanted) {
    const renamed = [...unmatchedFound.values()].find((index) => indexDefinition(index) === indexDefinition(wanted));
    if (renamed) {
      unmatchedFound.delete(renamed.name);
      differences.push(
        `index ${indexDefinition(wanted)} on "${expected.name}" is named "${renamed.name}" in the database but "${wanted.name}" in schema.prisma`,
      );
    } else {
      differences.push(`index "${wanted.name}" ${indexDefinition(wanted)} on "${expected.name}" ${IN_SCHEMA_ONLY}`);
    }
  }
  for (const extra of unmatchedFound.values()) {
    differences.push(`index "${extra.name}" ${indexDefinition(extra)} on "${expected.name}" ${IN_DATABASE_ONLY}`);
  }
  return differences;
}

function indexDefinition(index: IndexShape): string {
  const columns = index.columns.map((c) => `"${c.name}"${c.descending ? " DESC" : ""}`).join(", ");
  const method = index.method === "btree" ? "" : ` USING ${index.method}`;
  return `${index.unique ? "UNIQUE " : ""}(${columns})${method}`;
}

function compareForeignKeys(expected: TableShape, actual: TableShape): string[] {
  const target = (fk: ForeignKeyShape) => `(${quoteList(fk.columns)}) → "${fk.referencedTable}"(${quoteList(fk.referencedColumns)})`;
  const actions = (fk: ForeignKeyShape) => `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
  const unmatchedFound = [...actual.foreignKeys];
  const differences: string[] = [];
  for (const wanted of expected.foreignKeys) {
    const index = unmatchedFound.findIndex((fk) => target(fk) === target(wanted));
    const found = unmatchedFound[index];
    if (!found) {
      differences.push(`foreign key "${expected.name}"${target(wanted)} ${IN_SCHEMA_ONLY}`);
      continue;
    }
    unmatchedFound.splice(index, 1);
    if (actions(found) !== actions(wanted)) {
      differences.push(
        `foreign key "${expected.name}"${target(wanted)} has ${actions(found)} in the database but ${actions(wanted)} in schema.prisma`,
      );
    }
  }
  for (const extra of unmatchedFound) {
    differences.push(`foreign key "${expected.name}"${target(extra)} ${IN_DATABASE_ONLY}`);
  }
  return differences;
}

// --- defaults ---

function defaultsAgree(expected: DefaultShape, actual: DefaultShape): boolean {
  if (expected.kind === "unchecked" || actual.kind === "unchecked") return true;
  if (actual.kind !== "expression") return expected.kind === "none";
  if (expected.kind === "sequence") return /^nextval\(/i.test(actual.sql);
  if (expected.kind !== "expression") return false;
  const wanted = normaliseSql(expected.sql);
  const found = normaliseSql(actual.sql);
  if (wanted === found) return true;
  if (isNumber(wanted) && isNumber(found)) return Number(wanted) === Number(found);
  return expected.dateTime === true && sameInstant(wanted, found);
}

function describeDefault(value: DefaultShape): string {
  switch (value.kind) {
    case "none":
      return "no default";
    case "sequence":
      return "default autoincrement()";
    case "unchecked":
      return "an unchecked default";
    case "expression":
      return `default ${value.sql}`;
  }
}

function isNumber(text: string): boolean {
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(text);
}

/** Prisma writes `'2024-01-02T03:04:05+00:00'`; PostgreSQL prints `'2024-01-02 03:04:05'` (UTC) for it. */
function sameInstant(a: string, b: string): boolean {
  const parse = (text: string) => {
    const bare = text.replace(/^'|'$/g, "").replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
    return Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(bare) ? bare : `${bare}Z`);
  };
  const [left, right] = [parse(a), parse(b)];
  return Number.isFinite(left) && left === right;
}

/**
 * A canonical spelling of a default expression, so that what Prisma writes and what
 * pg_get_expr() prints compare equal: type casts dropped, keywords lower-cased,
 * whitespace collapsed, outer parentheses removed, quoted numbers unquoted. String
 * literals and quoted identifiers are kept as they are.
 */
function normaliseSql(sql: string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const char = sql.charAt(i);
    if (char === "'" || char === '"') {
      const end = closingQuote(sql, i);
      out += sql.slice(i, end);
      i = end;
    } else if (sql.startsWith("::", i)) {
      i = skipTypeName(sql, i + 2);
    } else if (/\s/.test(char)) {
      out += " ";
      while (/\s/.test(sql.charAt(i))) i++;
    } else {
      out += char.toLowerCase();
      i++;
    }
  }
  return unquoteNumber(stripOuterParentheses(out.trim().replace(/\s*([(),[\]])\s*/g, "$1")));
}

function closingQuote(sql: string, start: number): number {
  const quote = sql.charAt(start);
  let i = start + 1;
  while (i < sql.length) {
    if (sql.charAt(i) === quote) {
      if (sql.charAt(i + 1) !== quote) return i + 1;
      i += 2; // a doubled quote is an escaped one
    } else {
      i++;
    }
  }
  return sql.length;
}

const TYPE_NAME =
  /^\s*(?:(?:"(?:[^"]|"")+"|[a-z_][\w$]*)\.)?(?:"(?:[^"]|"")+"|[a-z_][\w$]*)(?:\s+(?:varying|precision))?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\s*\[\s*\])*/i;

function skipTypeName(sql: string, start: number): number {
  const match = TYPE_NAME.exec(sql.slice(start));
  return start + (match?.[0].length ?? 0);
}

function stripOuterParentheses(text: string): string {
  let result = text;
  while (result.startsWith("(") && result.endsWith(")") && wrapsWhole(result)) result = result.slice(1, -1);
  return result;
}

/** True when the first "(" closes at the very end, e.g. "(a)" but not "(a) + (b)". */
function wrapsWhole(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === "'" || char === '"') {
      i = closingQuote(text, i) - 1;
    } else if (char === "(") {
      depth++;
    } else if (char === ")") {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return true;
}

function unquoteNumber(text: string): string {
  const match = /^'(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)'$/i.exec(text);
  return match?.[1] ?? text;
}

// ---------------------------------------------------------------------------

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort(compareCodePoints);
}

function quoteList(names: string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
