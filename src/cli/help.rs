//! The help text in Swedish: headings, the help and version flags, usage lines, examples.
//!
//! clap writes its own headings (`Usage:`, `Options:`) and flag texts in English; this module
//! rewrites them on the built `clap::Command`, so that `--help`, `insats man` and the shell
//! completions all come from the one definition in `cli.rs`.

use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches, Parser};

use super::Cli;

const TEMPLATE: &str = "\
{before-help}{about-with-newline}
Användning: {usage}

{all-args}{after-help}";

/// Heading of the flags in `--help` and in the man page.
pub const FLAGGOR: &str = "Flaggor";
/// Heading of the positional arguments.
pub const ARGUMENT: &str = "Argument";
/// Heading of the subcommands.
pub const KOMMANDON: &str = "Kommandon";

/// Examples and conventions under `insats --help`: three to begin with, then more for
/// analysts and for trainers.
pub const EXAMPLES: &str = "\
Exempel:
  insats                                    öppna katalogen: / söker, ? visar tangenterna
  insats search återfall                    sök som i appens sökruta
  insats show återfallsprevention           läs en insats: förklaring, källa, siffror

För analytiker:
  insats search samtal --omrade missbruk --limit 5
  insats jamfor \"Motiverande samtal (MI)\"   en insats i alla områden, fyra mått
  insats show mi --omrade missbruk          samma namn i flera områden: välj ett
  insats stats --omrade aldre --sort digital-antal --top 5
                                            flest kommuner som ger digitalt, i äldre
  insats stats --per-omrade                 median och spridning per område
  insats export --format xlsx --output insatser.xlsx
                                            Excel: ett blad per område, Alla, Källa
  insats --kommun Malmö                     appen med Malmös checklista (tangent 2)
  insats checklista export --kommun Malmö   checklistan per område, att skriva ut

För utbildare:
  insats --presentation                     en insats i taget över hela skärmen
  insats render --query mi --format svg > mi.svg
                                            en bild av skärmen, för bilder och handouts

Utdata: en tabell på en terminal, tabbseparerat (tsv) i en pipe; välj med --format.
Data skrivs på standard ut, meddelanden på standard fel.
Slutstatus: 0 klart, 1 ingen träff, 2 fel i anropet eller i datan.";

/// Examples under `insats render --help`.
pub const RENDER_EXAMPLES: &str = "\
Appen byggs i minnet med samma tangenttryck som en användare gör (sökningen skrivs i
sökrutan, Enter, pilar till den valda insatsen) och ritas i ett fönster av den givna
storleken, minst 40x10. Text är exakt skärmens tecken; SVG och HTML har temats färger
(--theme), även med NO_COLOR; --color never tar bort dem. I vyn checklista visas
kommunens checklista (--kommun eller --checklista, läses men skrivs aldrig), och --query
söker bland indikatorerna; --select och --presentation gäller bara katalogen.

Exempel:
  insats render --size 100x30
  insats render --size 80x24 --query hvb --format text
  insats render --query mi --select missbruk-5.2-motiverande-samtal-mi --format svg > mi.svg
  insats render --presentation --query mi --format html > mi.html
  insats render --view checklista --kommun Malmö --format text

Slutstatus: 0 klart, 1 insatsen i --select finns inte (bland träffarna), 2 fel i anropet
eller i checklistans fil.";

/// Examples under `insats search --help`.
pub const SEARCH_EXAMPLES: &str = "\
Rangordningen är appens: först en förkortning inom parentes (mi → Motiverande samtal (MI)),
sedan ett ord i versaler (hvb → HVB-hem), sedan namn som matchar alla sökord, sedan
insatser där alla sökord står i förklaringen. Lika träffar i svensk bokstavsordning.

Exempel:
  insats search mi
  insats search aterfall --omrade missbruk
  insats search \"stöd anhöriga\" --limit 10 --format csv
  insats search mi --format json | jq '.[].id'

Slutstatus: 0 träffar finns, 1 ingen träff, 2 fel i anropet.";

/// Examples under `insats show --help`.
pub const SHOW_EXAMPLES: &str = "\
ID är ett id ur `insats search` eller `insats export`. Ett NAMN får skrivas utan å, ä, ö och
versaler; passar det flera insatser (samma namn finns ofta i flera områden) listas de med
sina id på standard fel.

--omrade väljer bland insatser med samma namn i olika områden. Texten radbryts efter
terminalens bredd, och till 80 tecken i en pipe (insats show … | less).

Exempel:
  insats show missbruk-5.2-motiverande-samtal-mi
  insats show hemtjänst --omrade aldre
  insats show \"Motiverande samtal (MI)\" --omrade missbruk
  insats show aldre-2.1-dagverksamhet --format json

Slutstatus: 0 visad, 1 ingen insats passar, 2 flera passar (välj ett id) eller fel i anropet.";

/// Examples under `insats jamfor --help`.
pub const JAMFOR_EXAMPLES: &str = "\
Kolumner: område, grupp (eller avsnitt), Ges = antal kommuner som ger insatsen och
Digitalt, Enskild regi, Utan beslut = antal av dem; % är andelen så som källan trycker
den. - betyder att källan saknar värdet.

Exempel:
  insats jamfor \"Motiverande samtal (MI)\"
  insats jamfor mi --format tsv
  insats jamfor hvb --format json
  insats jamfor mi --format xlsx --output mi.xlsx

Slutstatus: 0 klart, 1 ingen insats passar, 2 flera namn passar eller fel i anropet.";

/// Examples under `insats export --help`.
pub const EXPORT_EXAMPLES: &str = "\
csv och tsv har datafilens kolumner; källraderna (kallrad_000, kallrad_001, raden i
källtexten) bara med --kallrad, som en kopia för --data behöver. xlsx har ett blad per
område, Alla och Källa (källorna och när uppgifterna samlades in); tal är tal och andelar
procent. csv-excel öppnas rätt med dubbelklick i svenskt Excel.

Exempel:
  insats export --format csv > insatser.csv
  insats export --format xlsx --output insatser.xlsx
  insats export --format csv-excel --output insatser.csv
  insats export --format json | jq '.[0].namn'

Slutstatus: 0 klart, 2 fel i anropet eller när filen skrevs.";

/// Examples under `insats stats --help`.
pub const STATS_EXAMPLES: &str = "\
Kolumner: Ges = antal kommuner som ger insatsen; Digitalt, Enskild regi, Utan beslut =
antal av dem som ger den i digital form, i enskild regi, utan biståndsbeslut. % är andelen
så som källan trycker den (av de kommuner som svarade på frågan). - betyder att källan
saknar värdet: det räknas aldrig som 0 och sorteras alltid sist.

--per-omrade: median och kvartiler (linjär interpolation, som KVARTIL.INK i Excel) av
andelarna i området, bara över de insatser som har ett värde (antalet står i n).
\"Flest kommuner\" är de insatser som flest kommuner ger digitalt, i enskild regi, utan
biståndsbeslut (räknat i antal kommuner, inte andel).

Exempel:
  insats stats --sort digital --top 5
  insats stats --omrade aldre --sort digital-antal --top 5
  insats stats mi --sort ges-antal
  insats stats --sort utan --min-kommuner 50 --top 10
  insats stats --omrade aldre --sort utan --asc --format csv
  insats stats --format xlsx --output insatser.xlsx
  insats stats --per-omrade
  insats stats --per-omrade --format json | jq '.[0]'

Slutstatus: 0 klart, 1 inga insatser, 2 fel i anropet.";

/// Examples under `insats completions --help`.
pub const COMPLETIONS_EXAMPLES: &str = "\
Exempel:
  insats completions bash > ~/.local/share/bash-completion/completions/insats
  insats completions zsh > ~/.zfunc/_insats
  insats completions fish > ~/.config/fish/completions/insats.fish";

/// Examples under `insats man --help`.
pub const MAN_EXAMPLES: &str = "\
Exempel:
  insats man > insats.1 && man ./insats.1
  insats man | gzip > ~/.local/share/man/man1/insats.1.gz";

/// The whole command line definition, with Swedish help.
#[must_use]
pub fn command() -> Command {
    let mut cmd = localize(Cli::command(), true);
    cmd.build();
    swedish_usage(hide_idle_globals(cmd))
}

/// Parse the process's arguments; on a usage error print it and exit with status 2.
#[must_use]
pub fn parse() -> Cli {
    // Most calls are valid: clap's own definition parses them as well, and building the
    // Swedish one (every subcommand's usage rendered) costs more than the rest of a short
    // `insats search`. Help, version and errors go through the Swedish definition.
    if let Ok(cli) = Cli::try_parse() {
        return cli;
    }
    let matches = command().try_get_matches().unwrap_or_else(|e| exit(&e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit(&e))
}

/// Leave with a usage error in Swedish where there is a wording for it, else clap's own;
/// help and version go to standard out with status 0, as clap does.
fn exit(e: &clap::Error) -> ! {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match super::errors::swedish(e, &command_path(&command(), &args)) {
        Some(message) => {
            eprint!("{message}");
            std::process::exit(2);
        }
        None => e.exit(),
    }
}

/// `insats` and the subcommands named in `args`, for pointing at the right `--help`.
#[must_use]
pub fn command_path(cmd: &Command, args: &[String]) -> String {
    let mut path = cmd.get_name().to_string();
    let mut cmd = cmd;
    for a in args {
        if let Some(sub) = cmd.find_subcommand(a) {
            path.push(' ');
            path.push_str(sub.get_name());
            cmd = sub;
        }
    }
    path
}

/// Swedish headings and help flags on `cmd` and every subcommand.
fn localize(cmd: Command, root: bool) -> Command {
    let names = subcommand_names(&cmd);
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading(KOMMANDON)
        .subcommand_value_name("KOMMANDO")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(swedish_arg)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Visa den här hjälpen")
                .help_heading(FLAGGOR),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Visa versionen")
                .help_heading(FLAGGOR),
        );
    }
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| localize(s, false));
    }
    cmd
}

/// Put an argument under a Swedish heading, and write its possible and default values in
/// Swedish into its help (clap would add `Possible values:` and `[default: …]`).
fn swedish_arg(a: Arg) -> Arg {
    let heading = if a.is_positional() { ARGUMENT } else { FLAGGOR };
    let mut a = a.help_heading(heading);
    if a.is_global_set() {
        // After the subcommand's own flags.
        a = a.display_order(100);
    }
    if !a.get_action().takes_values() {
        return a;
    }
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        help.push_str(&format!(" [värden: {}]", values.join(", ")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() {
        help.push_str(&format!(" [standard: {}]", defaults.join(", ")));
    }
    a.help(help.trim_start().to_string())
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// Replace clap's `[OPTIONS]` and `<COMMAND>` in the usage lines of a built command.
fn swedish_usage(mut cmd: Command) -> Command {
    let names = subcommand_names(&cmd);
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .strip_prefix("Usage: ")
        .unwrap_or(&usage)
        .replace("[OPTIONS]", "[FLAGGOR]");
    cmd = cmd.override_usage(usage);
    for name in names {
        cmd = cmd.mut_subcommand(name, swedish_usage);
    }
    cmd
}

/// The global flags and the subcommands where they act; elsewhere they are accepted but left
/// out of `--help` (and so of the man page and completions).
const GLOBALS: [(&str, &[&str]); 6] = [
    (
        "data",
        &[
            "export",
            "show",
            "search",
            "stats",
            "jamfor",
            "indikatorer",
            "indikator",
            "checklista",
            "render",
        ],
    ),
    ("kommun", &["checklista", "render"]),
    ("checklista", &["checklista", "render"]),
    ("keymap", &["render"]),
    (
        "color",
        &[
            "show",
            "search",
            "stats",
            "jamfor",
            "indikatorer",
            "checklista",
            "render",
        ],
    ),
    ("theme", &["render"]),
];

/// Hide, in each subcommand (and its own subcommands), the global flags that do nothing
/// there.
fn hide_idle_globals(mut cmd: Command) -> Command {
    for name in subcommand_names(&cmd) {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            for (flag, acts_in) in GLOBALS {
                if !acts_in.contains(&name.as_str()) {
                    sub = hide_arg(sub, flag);
                }
            }
            sub
        });
    }
    cmd
}

fn hide_arg(mut cmd: Command, flag: &str) -> Command {
    if cmd.get_arguments().any(|a| a.get_id() == flag) {
        cmd = cmd.mut_arg(flag, |a| a.hide(true));
    }
    for name in subcommand_names(&cmd) {
        cmd = cmd.mut_subcommand(name, |s| hide_arg(s, flag));
    }
    cmd
}

fn subcommand_names(cmd: &Command) -> Vec<String> {
    cmd.get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect()
}
