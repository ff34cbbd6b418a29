import FeedbackModel

/// The README that `board init` writes into a new inbox, for board staff.
enum InboxReadme {
    static func text(form: FormDefinition, manifest: InboxManifest) -> String {
        let group = manifest.group ?? "GRUPP"
        return """
        # Inkorg för \(form.title.sv)

        Formulär: `\(form.id)` version \(form.version). Sista dag för nämnderna: \(form.deadline)
        (räknas till midnatt svensk tid). Skapad \(manifest.created) med `feedback board init`.
        Kvittensnyckelns id: `\(manifest.keyID)`.

        ## Vad som finns här

        | fil eller mapp | vad |
        |---|---|
        | `incoming/` | nämndsekreterarna lämnar in sina exporter här (`feedback submit`) |
        | `accepted/` | arkivet: godkända exporter, ändras och ersätts aldrig |
        | `refused/` | avvisade filer som de kom, med skälen i en `.reasons.txt` bredvid |
        | `receipts/` | en signerad kvittens per inlämnad fil |
        | `receipt-key.pub` | styrelsens offentliga nyckel: med den kan vem som helst kontrollera en kvittens |
        | `private/receipt-key.pem` | den privata nyckeln som signerar kvittenserna (läge 0600); lämna aldrig ut den |
        | `form.yaml`, `inbox.json` | formuläret omgången gäller och inkorgens beskrivning |

        ## Kommandon

        ```sh
        feedback board receive \(Self.placeholder)          # ta emot allt i incoming/, skriv kvittenser
        feedback board receive \(Self.placeholder) --watch  # … och fortsätt ta emot tills Ctrl-C
        feedback board status \(Self.placeholder)           # vilka har lämnat in, vilka saknas (slutkod 0 när alla beslutat)
        feedback board report \(Self.placeholder) --format html -o sammanstallning.html   # även docx, md, csv
        feedback receipt verify \(Self.placeholder)/receipts/FIL.json --export FIL.json   # kontrollera en kvittens
        ```

        Varje fil i `incoming/` kontrolleras: att den är en export av just detta formulär och
        denna version, följer exportens schema, har rätt innehållshash och summor som stämmer
        med raderna, klarar formulärets alla regler, kommer från en nämnd på formulärets lista
        och har en nyare revision än den som redan godkänts från nämnden. Godkända filer arkiveras i `accepted/`, övriga läggs i
        `refused/`. Inlämningstiden är när filen placerades i `incoming/` (filens ändringstid
        i filsystemet, som ägaren inte kan sätta bakåt); den avgör om filen kom i tid. Vem som
        lämnade in är filens ägare.

        ## På en delad server

        Alla nämndsekreterare ska kunna lämna in, men ingen ska kunna ta bort eller byta ut en
        annans fil. Så här sätts det upp (som root eller med sudo; styrelsens konto äger inkorgen):

        ```sh
        groupadd \(group)                     # en grupp för omgångens sekreterare
        usermod -aG \(group) SEKRETERARE      # för varje nämndsekreterare (och styrelsens konto)
        feedback board init \(Self.placeholder) --group \(group)   # som styrelsens konto
        ```

        `--group` gör detsamma som dessa kommandon:

        ```sh
        chgrp \(group) DIR DIR/incoming DIR/accepted DIR/refused DIR/receipts
        chmod 2750 DIR DIR/accepted DIR/refused DIR/receipts   # gruppen får läsa, bara styrelsen skriva
        chmod 3730 DIR/incoming     # gruppen får skapa filer men inte lista dem; sticky bit: bara ägaren tar bort
        chmod 700 DIR/private && chmod 600 DIR/private/receipt-key.pem
        ```

        - **Sticky bit** (`t`, 1000) på `incoming/`: bara filens ägare, eller styrelsen som
          äger mappen, kan ta bort eller byta namn på en fil där. Ingen kan byta ut en annans fil.
        - **setgid** (`s`, 2000): nya filer hamnar i gruppen `\(group)`.
        - **Ingen läsrätt** för gruppen i `incoming/`: sekreterarna ser inte varandras filnamn.
        - `feedback submit` skriver först till ett dolt tillfälligt namn i `incoming/` och länkar
          sedan filen till dess riktiga namn, vilket misslyckas om namnet finns. Ingen halv fil
          syns någonsin, och ingenting skrivs över.
        - `receive` läser varje fil en gång, utan att följa symboliska länkar eller fastna på
          FIFO:er, och arkiverar en egen kopia som styrelsen äger (läge 0444); sekreterarens
          fil tas sedan bort ur `incoming/`.

        ---

        # Inbox for \(form.title.en)

        Form `\(form.id)` version \(form.version); deadline \(form.deadline) (until midnight
        Swedish time). Secretaries hand in with `feedback submit DRAFT --inbox DIR`; the board
        runs `feedback board receive DIR` (`--watch` to keep receiving), `feedback board status DIR`
        and `feedback board report DIR --format html|docx|md|csv`. Every file handed in gets a
        receipt in `receipts/`, signed with the key in `private/` and checked with
        `receipt-key.pub` (`feedback receipt verify RECEIPT`). On a shared server, make a group
        for the round's secretaries and run `feedback board init DIR --group GROUP`: the
        sticky, setgid, group-writable but unlistable `incoming/` lets everyone hand in and
        nobody remove or replace another's file.

        """
    }

    static let placeholder = "DIR"
}
