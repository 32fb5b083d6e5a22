//! The shared backend: PostgreSQL, for deployments where several people write one corpus.

use std::collections::HashMap;

use postgres::{
    types::{to_sql_checked, IsNull, ToSql, Type},
    Client, NoTls, Statement,
};

use crate::{
    conn::{Conn, Dialect, Row, Value},
    Result,
};

pub(crate) struct Postgres {
    client: Client,
    /// Statements prepared on this connection, by their SQL.
    prepared: HashMap<String, Statement>,
}

impl Postgres {
    pub(crate) fn open(url: &str) -> Result<Postgres> {
        let client = Client::connect(url, NoTls)?;
        Ok(Postgres { client, prepared: HashMap::new() })
    }

    fn prepare(&mut self, sql: &str) -> Result<Statement> {
        if let Some(statement) = self.prepared.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(sql)?;
        self.prepared.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(int) if *ty == Type::INT4 => i32::try_from(*int)?.to_sql(ty, out),
            Value::Int(int) if *ty == Type::FLOAT8 => (*int as f64).to_sql(ty, out),
            Value::Int(int) => int.to_sql(ty, out),
            Value::Real(real) => real.to_sql(ty, out),
            Value::Text(text) => text.to_sql(ty, out),
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

fn read(row: &postgres::Row, at: usize) -> std::result::Result<Value, postgres::Error> {
    let ty = row.columns()[at].type_();
    Ok(if *ty == Type::INT8 {
        row.try_get::<_, Option<i64>>(at)?.map_or(Value::Null, Value::Int)
    } else if *ty == Type::INT4 {
        row.try_get::<_, Option<i32>>(at)?.map_or(Value::Null, |int| Value::Int(i64::from(int)))
    } else if *ty == Type::FLOAT8 {
        row.try_get::<_, Option<f64>>(at)?.map_or(Value::Null, Value::Real)
    } else if *ty == Type::FLOAT4 {
        row.try_get::<_, Option<f32>>(at)?.map_or(Value::Null, |real| Value::Real(f64::from(real)))
    } else if *ty == Type::BOOL {
        row.try_get::<_, Option<bool>>(at)?.map_or(Value::Null, |b| Value::Int(i64::from(b)))
    } else {
        row.try_get::<_, Option<String>>(at)?.map_or(Value::Null, Value::Text)
    })
}

impl Conn for Postgres {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.client.batch_execute(sql)?)
    }

    fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as _).collect();
        let statement = self.prepare(sql)?;
        Ok(self.client.execute(&statement, &refs)?)
    }

    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|v| v as _).collect();
        let statement = self.prepare(sql)?;
        let rows = self.client.query(&statement, &refs)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let mut values = Vec::with_capacity(row.len());
            for at in 0..row.len() {
                values.push(read(row, at)?);
            }
            out.push(values);
        }
        Ok(out)
    }
}
