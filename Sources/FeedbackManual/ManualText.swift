import FeedbackConfiguration
import FeedbackModel

/// The page's own prose, in Swedish and English: everything that is not read from the
/// command tree, the keymap or the configuration keys.
struct ManualText {
    enum Heading { case name, synopsis, description, commands, options, keys, configuration, files, environment, exitStatus, examples, seeAlso }

    let language: Language
    var sv: Bool { language == .sv }

    func pick(_ swedish: String, _ english: String) -> String { sv ? swedish : english }

    func heading(_ heading: Heading) -> String {
        switch heading {
        case .name: return pick("NAMN", "NAME")
        case .synopsis: return pick("SYNOPSIS", "SYNOPSIS")
        case .description: return pick("BESKRIVNING", "DESCRIPTION")
        case .commands: return pick("KOMMANDON", "COMMANDS")
        case .options: return pick("FLAGGOR", "OPTIONS")
        case .keys: return pick("TANGENTER", "KEYS")
        case .configuration: return pick("INSTÄLLNINGAR", "CONFIGURATION")
        case .files: return pick("FILER", "FILES")
        case .environment: return pick("MILJÖ", "ENVIRONMENT")
        case .exitStatus: return pick("SLUTSTATUS", "EXIT STATUS")
        case .examples: return pick("EXEMPEL", "EXAMPLES")
        case .seeAlso: return pick("SE ÄVEN", "SEE ALSO")
        }
    }

    var manualTitle: String { pick("Användarkommandon", "User Commands") }
    var optionsWord: String { pick("FLAGGOR", "OPTIONS") }
    var draftWord: String { pick("UTKAST", "DRAFT") }
    var commandWord: String { pick("KOMMANDO", "COMMAND") }
    var argumentsWord: String { pick("ARGUMENT", "ARGUMENTS") }
    var flagsWord: String { pick("Flagga", "Flag") }
    var environmentWord: String { pick("Miljövariabel", "Environment variable") }
    var defaultWord: String { pick("standard", "default") }

    var oneLine: String {
        pick("nämndens återkoppling på planeringsförutsättningar, i terminalen",
             "committee feedback on the planning premises, in the terminal")
    }

    var description: [String] {
        sv ? [
            "feedback är programmet där nämndsekreteraren skriver nämndens återkoppling till regionstyrelsen på planeringsförutsättningarna (PF), under formulärets sex rubriker, ser direkt vad som saknas och exporterar en validerad JSON-fil per nämnd som regionstyrelsen läser maskinellt.",
            "Utan kommando öppnas terminalgränssnittet på startskärmen: fortsätt ett av dina utkast eller börja ett nytt genom att välja nämnd. Med ett UTKAST öppnas det direkt (som feedback fill UTKAST). Gränssnittet behöver en terminal på minst 80×24 tecken och fungerar över SSH. Inget skrivet går förlorat: utkastet sparas automatiskt bredvid originalet medan du skriver, och vid SIGHUP och SIGTERM sparas det innan programmet avslutas.",
            "De övriga kommandona körs utan gränssnitt, för skript: de skriver till standard ut, skriver fel till standard fel och avslutar med slutstatus enligt nedan. Svenska är standard; engelska med --lang en, language = en i inställningarna eller ett engelskt LANG.",
        ] : [
            "feedback is the program in which a committee secretary writes the committee's feedback to the regional board on its planning premises (PF) under the form's six headings, sees at once what is missing, and exports one validated JSON file per committee that the board reads by machine.",
            "Without a command the terminal interface opens on the start screen: resume one of your drafts or start a new one by choosing the committee. Given a DRAFT it opens that draft (as feedback fill DRAFT). The interface needs a terminal of at least 80×24 characters and works over SSH. Nothing typed is lost: the draft is autosaved beside the original while you type, and on SIGHUP and SIGTERM it is saved before the program exits.",
            "The other commands run without the interface, for scripts: they write to standard output, write errors to standard error and exit with the status below. Swedish is the default; English with --lang en, language = en in the configuration, or an English LANG.",
        ]
    }

    var commonOptionsIntro: String {
        pick("Flaggor som alla kommandon tar:", "Options every command takes:")
    }

    var keysIntro: String {
        pick("Tangenterna i terminalgränssnittet, så som gränssnittet själv listar dem (Ctrl-G visar dem i programmet).",
             "The keys of the terminal interface, as the interface itself lists them (Ctrl-G shows them in the program).")
    }

    var configurationIntro: [String] {
        sv ? [
            "Inställningarna läses från /etc/feedback/config (systemet), sedan från $XDG_CONFIG_HOME/feedback/config (användaren; standard ~/.config/feedback/config), sedan från miljövariablerna FEEDBACK_*, sedan från flaggorna: det som läses senare vinner. feedback config visar varje värde som gäller och varifrån det kom; feedback config --template skriver ut en kommenterad fil.",
            "Filerna har en inställning per rad, nyckel = värde; rader som börjar med # är kommentarer. Ett värde kan skrivas inom \"…\" för att behålla mellanslag; ett tomt värde återställer standardvärdet; ~/ i början av en sökväg är hemmappen. En okänd nyckel, en nyckel som sätts två gånger, en fil som inte är text, större än 64 KiB, en FIFO eller enhet, ägd av en annan användare än du och root, skrivbar för alla, eller en symbolisk länk ägd av en annan användare: då avslutar kommandona med status 2 och anger fil och rad. En fil bakom en mapp som du inte får söka i räknas som att den inte finns.",
            "Språket: LC_ALL, LC_MESSAGES och LANG ger bara standardvärdet; language i en fil, FEEDBACK_LANGUAGE och --lang går före.",
            "Nycklar:",
        ] : [
            "Settings are read from /etc/feedback/config (the system), then from $XDG_CONFIG_HOME/feedback/config (the user; by default ~/.config/feedback/config), then from the FEEDBACK_* environment variables, then from the flags: what is read later wins. feedback config shows each value in effect and where it came from; feedback config --template prints a commented file.",
            "The files hold one setting per line, key = value; lines starting with # are comments. A value may be written in \"…\" to keep spaces; an empty value restores the default; ~/ at the start of a path is the home folder. An unknown key, a key set twice, a file that is not text, larger than 64 KiB, a FIFO or device, owned by a user other than you and root, writable by everyone, or a symbolic link owned by another user: the commands then exit with status 2 and name the file and line. A file behind a folder you may not search counts as absent.",
            "The language: LC_ALL, LC_MESSAGES and LANG only give the default; language in a file, FEEDBACK_LANGUAGE and --lang come before them.",
            "Keys:",
        ]
    }

    var files: [(String, String)] {
        [
            ("/etc/feedback/config", pick("Systemets inställningar (se INSTÄLLNINGAR).", "The system's settings (see CONFIGURATION).")),
            ("~/.config/feedback/config", pick("Användarens inställningar ($XDG_CONFIG_HOME/feedback/config).", "The user's settings ($XDG_CONFIG_HOME/feedback/config).")),
            ("/usr/share/feedback/forms/*.yaml", pick("Formulären som installerades med programmet (samma som de inbyggda).",
                                                     "The forms installed with the program (the same as the built-in ones).")),
            ("/etc/feedback/forms/*.yaml", pick("Regionens egna formulär. En fil med samma id och version som ett installerat eller inbyggt formulär ersätter det, och feedback forms säger det; sedan läses användarens egna mappar (forms), som vinner över båda.",
                                               "The region's own forms. A file with the same id and version as an installed or built-in form replaces it, and feedback forms says so; then the user's own folders (forms) are read, which win over both.")),
            (pick("UTKASTMAPP/*.json", "DRAFTS/*.json"), pick("Utkasten (inställningen drafts; standard ~/.local/share/feedback). Nya filer skapas med läget 0600 och sparas atomiskt: efter en krasch är filen den gamla eller den nya versionen.",
                                                              "The drafts (the drafts setting; by default ~/.local/share/feedback). New files are created with mode 0600 and saved atomically: after a crash the file is the old version or the new one.")),
            (pick(".UTKAST.autosave.json", ".DRAFT.autosave.json"), pick("Autosparad kopia bredvid utkastet medan det finns osparade ändringar; erbjuds vid nästa öppning och tas bort när utkastet sparas. En avböjd kopia behålls i din egen mapp ~/.local/state/feedback (där ingen annan kan ta bort den).",
                                                                         "The autosaved copy beside a draft while there are unsaved changes; offered on the next open and removed when the draft is saved. A declined copy is kept in your own folder ~/.local/state/feedback (where no other user can remove it).")),
            (pick(".UTKAST.lock", ".DRAFT.lock"), pick("Låset medan utkastet är öppet: användare, dator, process och tid. En andra öppning får en skrivskyddad vy.",
                                                       "The lock while the draft is open: user, host, process and time. A second opening gets a read-only view.")),
            (pick("EXPORTMAPP/FORMULÄR_NÄMND_rN.json", "EXPORTS/FORM_COMMITTEE_rN.json"), pick("Exporterna (inställningen exports; standard Exports i den aktuella mappen). En tidigare export med annat innehåll ersätts aldrig.",
                                                                                               "The exports (the exports setting; by default Exports in the current folder). An earlier export with other content is never replaced.")),
            (pick("FORMULÄR_NÄMND_rN.docx, .html, .md", "FORM_COMMITTEE_rN.docx, .html, .md"),
             pick("Nämndens dokument: feedback render skriver det i den aktuella mappen (eller -o), gränssnittet (Ctrl-E) i exportmappen. En annan fil med samma namn ersätts inte utan --force eller ett ja.",
                  "The committee's document: feedback render writes it in the current folder (or -o), the interface (Ctrl-E) in the exports folder. Another file of the same name is not replaced without --force or a yes.")),
            (pick("UTKAST.unplaced.txt", "DRAFT.unplaced.txt"),
             pick("Text som feedback import inte kunde placera under en rubrik, bredvid utkastet (om inte --unplaced other).",
                  "Text feedback import could not place under a heading, beside the draft (unless --unplaced other).")),
            ("~/.local/state/feedback/", pick("Nödkopior: när ett utkast inte kan sparas där det ligger skrivs texten hit ($XDG_STATE_HOME/feedback).",
                                              "Emergency copies: when a draft cannot be saved where it is, the text is written here ($XDG_STATE_HOME/feedback).")),
            ("~/.local/share/Trash/", pick("Utkast som tas bort på startskärmen flyttas till papperskorgen (freedesktop.org) och kan läggas tillbaka.",
                                           "Drafts deleted on the start screen are moved to the trash (freedesktop.org) and can be put back.")),
            ("/usr/share/doc/feedback/exports/README.md", pick("Exportformatet, beskrivet för regionstyrelsen, med ett exempel.", "The export format, described for the regional board, with an example.")),
        ]
    }

    func environment() -> [(String, String)] {
        var rows = ConfigurationKey.allCases.map { key in
            (key.environmentVariable, pick("Inställningen \(key.rawValue) (se INSTÄLLNINGAR).", "The \(key.rawValue) setting (see CONFIGURATION)."))
        }
        rows += [
            ("FEEDBACK_SYSTEM_CONFIG_DIR", pick("Mappen som läses i stället för /etc/feedback (config och forms), till exempel för att prova ett paket som packats upp någon annanstans.",
                                                "The folder read instead of /etc/feedback (config and forms), for example to try a package unpacked elsewhere.")),
            ("XDG_CONFIG_HOME", pick("Var användarens inställningar finns (standard ~/.config).", "Where the user's settings are (default ~/.config).")),
            ("XDG_DATA_HOME", pick("Standardmappen för utkast är $XDG_DATA_HOME/feedback (standard ~/.local/share/feedback); papperskorgen är $XDG_DATA_HOME/Trash.", "The default drafts folder is $XDG_DATA_HOME/feedback (default ~/.local/share/feedback); the trash is $XDG_DATA_HOME/Trash.")),
            ("XDG_STATE_HOME", pick("Nödkopiorna hamnar i $XDG_STATE_HOME/feedback (standard ~/.local/state/feedback).", "Emergency copies go to $XDG_STATE_HOME/feedback (default ~/.local/state/feedback).")),
            ("LC_ALL, LC_MESSAGES, LANG", pick("Engelska som standardspråk när den första som är satt anger engelska; annars svenska.", "English as the default language when the first one set names English; else Swedish.")),
            ("VISUAL, EDITOR", pick("Redigeraren som Ctrl-O öppnar texten i (standard vi).", "The editor Ctrl-O opens the text in (default vi).")),
            ("TERM", pick("Terminaltypen; en okänd terminal ger ett tydligt fel i stället för gränssnittet.", "The terminal type; an unknown terminal gives a clear error instead of the interface.")),
            ("ESCDELAY", pick("Hur många millisekunder Esc väntar på resten av en tangentsekvens (standard 25).", "How many milliseconds Esc waits for the rest of a key sequence (default 25).")),
            ("NO_COLOR", pick("Satt och inte tom: inga färger, i stället omvänd video, fetstil, understrykning och svag text.", "Set and not empty: no colours; reverse video, bold, underline and dim instead.")),
            ("FEEDBACK_PLAIN", pick("Satt till något annat än 0: det tillgängliga läget (rader in och ut), som --plain; likaså TERM=dumb.",
                                    "Set to anything but 0: the accessible mode (plain lines in and out), as --plain; so does TERM=dumb.")),
            ("FEEDBACK_TODAY", pick("Dagens datum (ÅÅÅÅ-MM-DD) för det som sägs om sista dag; ett ogiltigt värde är ett användningsfel (status 2).",
                                    "Today's date (YYYY-MM-DD) for what is said about the deadline; an invalid value is a usage error (status 2).")),
            ("SOURCE_DATE_EPOCH", pick("En tid i sekunder sedan 1970 i stället för nu: exporternas tid, dokumentens datum och (utan FEEDBACK_TODAY) dagens datum.",
                                       "A time in seconds since 1970 instead of now: the exports' time, the documents' date and (without FEEDBACK_TODAY) today's date.")),
        ]
        return rows
    }

    var exitCodes: [(String, String)] {
        [
            ("0", pick("Klart; varningar hindrar inte.", "Done; warnings do not prevent it.")),
            ("1", pick("Ett utkast har fel (validate, export), eller en formulärfil kan inte läsas (forms).", "A draft has errors (validate, export), or a form file cannot be read (forms).")),
            ("2", pick("Felaktig användning, en fil som inte kan läsas, eller inställningar som inte kan läsas eller litas på.", "Wrong usage, a file that cannot be read, or settings that cannot be read or trusted.")),
        ]
    }

    var examples: [(String, [String])] {
        [
            (pick("Börja ett nytt utkast för hälso- och sjukvårdsnämnden, kontrollera det och exportera det:",
                  "Start a new draft for the health and medical care committee, check it and export it:"),
             ["feedback new --committee hsn -o hsn.json", "feedback fill hsn.json", "feedback validate hsn.json", "feedback export hsn.json --out /srv/exports"]),
            (pick("Fynden som JSON för ett skript, och exportens JSON Schema för regionstyrelsens egen kontroll:",
                  "The findings as JSON for a script, and the export's JSON Schema for the board's own check:"),
             ["feedback validate --format json *.json", "feedback schema > schema.json"]),
            (pick("Se vilka formulär som finns och vilka inställningar som gäller:", "See which forms there are and which settings are in effect:"),
             ["feedback forms", "feedback config"]),
            (pick("Sätt regionens exportmapp för alla användare:", "Set the region's exports folder for every user:"),
             ["echo 'exports = /srv/feedback/exports' >> /etc/feedback/config"]),
        ]
    }

    var seeAlso: String {
        pick("feedback --help, feedback KOMMANDO --help, /usr/share/doc/feedback/exports/README.md, vi(1)",
             "feedback --help, feedback COMMAND --help, /usr/share/doc/feedback/exports/README.md, vi(1)")
    }
}
