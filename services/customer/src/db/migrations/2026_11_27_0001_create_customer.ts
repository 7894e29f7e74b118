import { type Kysely, sql } from 'kysely';

/**
 * The customer table. Instants are UTC `DATETIME(3)`. `name_key` is `utf8mb4_bin` so
 * that uniqueness means the same on MySQL and MariaDB (their default case-insensitive
 * collations differ); the application lower-cases the key itself. The key may be up to
 * twice the name's 200 characters (lower-casing `İ` gives two code points).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('name_key', sql`varchar(400) character set utf8mb4 collate utf8mb4_bin`, (c) =>
      c.notNull(),
    )
    .addColumn('phone', 'varchar(16)')
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('working_hours', 'json', (c) => c.notNull())
    .addColumn('created_at', sql`datetime(3)`, (c) => c.notNull())
    .addColumn('updated_at', sql`datetime(3)`, (c) => c.notNull())
    .addUniqueConstraint('customer_name_key_unique', ['name_key'])
    .modifyEnd(sql`engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer').execute();
}
