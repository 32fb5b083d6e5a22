//! `vigia eval`: scores stages against public benchmarks read from disk at run time.

use std::process::ExitCode;

use anyhow::Context;

use crate::flags::EvalCommand;

pub(crate) fn run(what: EvalCommand) -> anyhow::Result<ExitCode> {
    match what {
        EvalCommand::Ner(args) => crate::ner_cmd::eval(&args),
        EvalCommand::ExtractText { data } => {
            let mut out = std::io::stdout().lock();
            crate::eval_extract::run(&data, &mut out)
                .with_context(|| format!("cannot evaluate extraction on {}", data.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Quotes { data, limit, examples, dump, json } => {
            let options = crate::eval_quotes::Options { limit, examples, dump, json };
            crate::eval_quotes::run(&data, &options, &mut std::io::stdout().lock())
                .with_context(|| format!("cannot evaluate quotes on {}", data.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Stories { data, seed, runs } => {
            crate::eval_stories::run(&data, seed, runs, &mut std::io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
