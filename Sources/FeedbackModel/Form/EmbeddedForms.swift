// Generated from Forms/ by the test `embeddedFormsMatchFormsFolder` (run it with
// FEEDBACK_RECORD=1 to regenerate). Do not edit by hand: edit Forms/ instead.

/// The form definitions built into the binary, so the program works from any folder.
public enum EmbeddedForms {
    /// The form that `feedback` opens when no other is named.
    public static let defaultFormID = "pf-aterkoppling-2028"

    /// (file name, YAML text) of every file in Forms/.
    public static let files: [(String, String)] = [
        ("pf-aterkoppling-2028.yaml", ####"""
# Formulär: Nämndens återkoppling på planeringsförutsättningar (PF)
# Ägs och underhålls av ekonomistaben. Så här gör ni inför varje ny planeringsomgång:
#
# 1. Kopiera filen och byt år i filnamnet, t.ex. pf-aterkoppling-2029.yaml.
# 2. Ändra id (samma som filnamnet utan .yaml), title, premises (PF:s titel och
#    diarienummer), planPeriod.firstYear och tidplanen (timeline): årets datum för
#    kickoff, PF:s beslut i regionstyrelsen, nämndernas sammanträden och sista dag
#    (deadline) då nämnderna ska ha svarat.
# 3. Sätt version: 1 för ett nytt år. Ändrar ni ett formulär som redan skickats ut:
#    öka version med 1.
# 4. Flytta minDate/maxDate för sammanträdesdatum (meetingDate) till det år nämnderna
#    sammanträder, och byt årtal i exemplen i hjälptexterna vid behov.
# 5. Se över nämndlistan (committees) om nämndorganisationen har ändrats. Byt aldrig id
#    på en befintlig nämnd; lägg till nya med ett kort id (a-z, 0-9, bindestreck).
# 6. Byt inte id på avsnitt, fält, kolumner eller val – förra årets svar och jämförelser
#    mellan åren läser dem. Rubriker, hjälptexter, vägledning och gränser får ni ändra fritt.
# 7. Kontrollera att filen läses in med `feedback forms` innan den skickas ut. Steg 1–4
#    gör `feedback form next` åt er; hela årets rutin och alla nycklar i formatet står
#    i docs/forms.md. Programmet behöver inte byggas om för ett nytt formulär.
#
# Skrivregler: dra in med mellanslag, aldrig tabb. Sätt text inom citattecken om den
# innehåller kolon (:) eller brädgård (#). Vägledning skrivs efter "|": ett stycke per
# rad, tom rad mellan stycken, och rader som börjar med "- " blir punkter.
# Regler: ett enkelt värde (maxChars: 12000) är ett fel; en karta med
# severity: warning ger bara en varning. En kolumn med belopp per planår summeras per år
# i exporten och i styrelsens sammanställning; skriv sum: false för kolumner där en summa
# saknar mening (känslighetsanalys). Statusvalet med decided: true betyder "beslutad"
# (villkoret under conditions säger vad det kräver), carry: true tar med ett fält till
# nästa års utkast, och matrix: på en tabell ritar två valkolumner som en matris i
# sammanställningen.

id: pf-aterkoppling-2028
version: 1
title:
  sv: "Nämndens återkoppling på planeringsförutsättningar 2028–2031"
  en: "Committee feedback on the planning premises 2028–2031"
# Kort titel överst i programmets fönster.
shortTitle:
  sv: "Återkoppling PF 2028–2031"
  en: "Feedback on PF 2028–2031"
premises:
  title: "Planeringsförutsättningar 2028–2031"
  caseNumber: "RS 2027-00042"
planPeriod:
  firstYear: 2028
  years: 4

# Tidplan för omgången, i datumordning. Varje fas har ett datum (date) eller en period
# (from och to). Fasen med id deadline är sista dag för nämndernas återkoppling: den
# måste finnas, och programmet räknar dagarna kvar till den ("12 dagar kvar") och varnar
# när ett utkast är sent eller sammanträdet ligger efter sista dag.
timeline:
  - id: kickoff
    date: "2027-02-10"
    label:
      sv: "Kickoff: majoritetens förslag till planeringsförutsättningar presenteras"
      en: "Kickoff: the majority's proposal for the planning premises is presented"
  - id: premisesDecided
    date: "2027-03-09"
    label:
      sv: "Regionstyrelsen beslutar om planeringsförutsättningarna"
      en: "The regional board decides the planning premises"
  - id: committeeMeetings
    from: "2027-03-18"
    to: "2027-04-16"
    label:
      sv: "Nämnderna behandlar planeringsförutsättningarna och beslutar om återkopplingen"
      en: "The committees consider the planning premises and decide their feedback"
  - id: deadline
    date: "2027-04-16"
    label:
      sv: "Sista dag för nämndernas återkoppling till regionstyrelsen"
      en: "Deadline for the committees' feedback to the regional board"

committees:
  - id: rs
    name: "Regionstyrelsen"
    nameEn: "Regional Board"
  - id: hsn
    name: "Hälso- och sjukvårdsnämnden"
    nameEn: "Health and Medical Care Committee"
  - id: run
    name: "Regionala utvecklingsnämnden"
    nameEn: "Regional Development Committee"
  - id: pn
    name: "Patientnämnden"
    nameEn: "Patients' Advisory Committee"
  - id: kn
    name: "Kulturnämnden"
    nameEn: "Culture Committee"
  - id: tn
    name: "Tandvårdsnämnden"
    nameEn: "Dental Care Committee"
  - id: ktn
    name: "Kollektivtrafiknämnden"
    nameEn: "Public Transport Committee"
  - id: sn
    name: "Servicenämnden"
    nameEn: "Service Committee"

metadata:
  - id: committee
    type: committee
    label:
      sv: "Nämnd"
      en: "Committee"
    help:
      sv: "Välj den nämnd som lämnar återkopplingen."
      en: "Choose the committee that submits the feedback."
    required: true

  - id: caseNumber
    type: shortText
    label:
      sv: "Nämndens diarienummer"
      en: "Committee case number"
    help:
      sv: "Nämndens eget diarienummer för ärendet, t.ex. ”HSN 2027/45” eller ”RS 2027-00123”."
      en: "The committee's own case number for the matter, e.g. “HSN 2027/45” or “RS 2027-00123”."
    # Nämndens diarienummer: en import föreslår en rad som ”Dnr HSN 2027/45” här.
    caseNumber: true
    required: true
    maxChars: 40
    pattern:
      regex: '^[A-ZÅÄÖ]{1,6} ?[0-9]{4}[-/][0-9]{1,6}$'
      severity: warning
      message:
        sv: "Diarienummer skrivs oftast som förkortning, år och löpnummer, t.ex. ”HSN 2027/45” eller ”RS 2027-00123”. Kontrollera numret; avviker ert diarium kan ni lämna det som det är."
        en: "Case numbers are usually an abbreviation, year and serial number, e.g. “HSN 2027/45” or “RS 2027-00123”. Check the number; if your registry uses another format, you may leave it as it is."

  - id: meetingDate
    type: date
    label:
      sv: "Sammanträdesdatum"
      en: "Meeting date"
    help:
      sv: "Datum för det nämndsammanträde där återkopplingen beslutas (ÅÅÅÅ-MM-DD)."
      en: "Date of the committee meeting that decides the feedback (YYYY-MM-DD)."
    minDate: "2027-01-01"
    maxDate: "2027-12-31"

  - id: paragraph
    type: shortText
    label:
      sv: "Paragraf"
      en: "Paragraph"
    help:
      sv: "Paragrafen i sammanträdesprotokollet där beslutet finns, t.ex. ”§ 45”."
      en: "The paragraph in the minutes that records the decision, e.g. “§ 45”."
    maxChars: 10
    pattern:
      regex: '^§ ?[0-9]{1,4}$'
      severity: error
      message:
        sv: "Skriv paragrafen som ”§ 45”: paragraftecken följt av numret."
        en: "Write the paragraph as “§ 45”: the section sign followed by the number."

  - id: contactName
    type: shortText
    carry: true
    label:
      sv: "Kontaktperson"
      en: "Contact person"
    help:
      sv: "Den som kan svara på frågor om återkopplingen, t.ex. nämndsekreterare eller controller."
      en: "The person who can answer questions about the feedback, e.g. the committee secretary or controller."
    required: true
    maxChars: 80

  - id: contactEmail
    type: shortText
    carry: true
    label:
      sv: "Kontaktpersonens e-post"
      en: "Contact e-mail"
    help:
      sv: "E-postadress till kontaktpersonen, t.ex. fornamn.efternamn@regionen.se."
      en: "The contact person's e-mail address, e.g. firstname.lastname@region.se."
    required: true
    maxChars: 120
    pattern:
      regex: '^[^@ ]+@[^@ ]+\.[^@ ]+$'
      severity: error
      message:
        sv: "Det ser inte ut som en e-postadress. Skriv den som namn@domän.se, utan mellanslag."
        en: "This does not look like an e-mail address. Write it as name@domain.se, without spaces."

  - id: status
    type: choice
    label:
      sv: "Status"
      en: "Status"
    help:
      sv: "Utkast medan ni arbetar, klar för beslut när ärendet går till nämnden, beslutad efter sammanträdet."
      en: "Draft while you work, ready for decision when it goes to the committee, decided after the meeting."
    required: true
    default: utkast
    options:
      - id: utkast
        label:
          sv: "utkast"
          en: "draft"
      - id: klar-for-beslut
        label:
          sv: "klar för beslut"
          en: "ready for decision"
      - id: beslutad
        label:
          sv: "beslutad"
          en: "decided"
        decided: true

conditions:
  - when:
      field: status
      equals: beslutad
    require:
      - meetingDate
      - paragraph
    message:
      sv: "En beslutad återkoppling ska ha sammanträdesdatum och paragraf."
      en: "Feedback marked as decided must have a meeting date and a decision paragraph."

sections:
  # ---------------------------------------------------------------- 1
  - id: goals
    number: 1
    title:
      sv: "Nämndens bidrag till fullmäktiges mål och uppdrag"
      en: "The committee's contribution to the council's goals and assignments"
    shortTitle:
      sv: "Mål och uppdrag"
      en: "Goals"
    guidance:
      sv: |
        Beskriv hur nämnden bidrar till regionfullmäktiges mål och uppdrag under planperioden. Utgå från målområdena och de mål och uppdrag som riktas till nämnden i planeringsförutsättningarna.

        - Vilka av fullmäktiges mål och uppdrag berör nämnden, och vad vill nämnden uppnå för vart och ett?
        - Hur tolkar nämnden målen och uppdragen? En tydlig tolkning gör att regionstyrelsen kan stämma av att den stämmer med avsikten.
        - Hur ska målen konkretiseras i verksamheten, och hur följs resultatet upp?
        - Berör ett mål inte nämnden: skriv det och motivera kort. Nämnden behöver inte arbeta med mål som inte berör den.
        - Finns mål eller uppdrag som är otydliga, svåra att förena eller orealistiska med de resurser som finns?

        Skriv kortfattat och fokusera på den förflyttning nämnden vill åstadkomma. Upprepa inte lagkrav och statliga uppdrag.
      en: |
        Describe how the committee contributes to the regional council's goals and assignments during the plan period. Start from the goal areas and the goals and assignments directed to the committee in the planning premises.

        - Which of the council's goals and assignments concern the committee, and what does the committee want to achieve for each?
        - How does the committee interpret the goals and assignments? A clear interpretation lets the regional board check that it matches the intention.
        - How will the goals be made concrete in operations, and how will results be followed up?
        - If a goal does not concern the committee, say so and give a short reason. The committee need not work with goals that do not concern it.
        - Are any goals or assignments unclear, hard to reconcile, or unrealistic with the available resources?

        Be brief and focus on the change the committee wants to achieve. Do not repeat legal requirements or national assignments.
    fields:
      - id: text
        type: longText
        label:
          sv: "Text"
          en: "Text"
        help:
          sv: "Nämndens svar under rubrik 1. Klistra gärna in text från Word eller e-post."
          en: "The committee's answer under heading 1. You may paste text from Word or e-mail."
        required: true
        maxChars: 12000
        minWords:
          value: 30
          severity: warning
          message:
            sv: "Texten är mycket kort. Beskriv nämndens bidrag med minst några meningar."
            en: "The text is very short. Describe the committee's contribution in at least a few sentences."
        maxWords:
          value: 1500
          severity: warning
          message:
            sv: "Texten är lång. Regionstyrelsen sammanställer tio nämnders svar – försök korta ned."
            en: "The text is long. The regional board compiles ten committees' answers – try to shorten it."

  # ---------------------------------------------------------------- 2
  - id: development
    number: 2
    title:
      sv: "Nämndens utvecklingsinsatser och planerade verksamhetsförändringar"
      en: "Development efforts and planned changes in operations"
    shortTitle:
      sv: "Utveckling"
      en: "Development"
    guidance:
      sv: |
        Beskriv de utvecklingsinsatser och verksamhetsförändringar som nämnden planerar under planperioden. Planerna ska skapa förflyttning, inte beskriva den löpande verksamheten.

        - Vilka större förändringar planeras, t.ex. ny struktur, nära vård, nya arbetssätt, digitala lösningar eller samverkan med kommunerna?
        - Vilket behov eller problem löser förändringen: tillgänglighet, kvalitet, arbetsmiljö, produktivitet?
        - När under planperioden genomförs den, och vad krävs för att lyckas?
        - Vilka effekter väntas för invånare, patienter, resenärer eller besökare, och för ekonomin?
        - Kräver förändringen beslut av regionstyrelsen eller fullmäktige, eller påverkar den andra nämnder?

        Redovisa kostnader och besparingar under rubrik 4 och investeringar under rubrik 5; här räcker en hänvisning, så att belopp inte räknas två gånger.
      en: |
        Describe the development efforts and changes in operations the committee plans during the plan period. The plans should create change, not describe day-to-day operations.

        - Which major changes are planned, e.g. a new structure, local care close to the patient, new ways of working, digital solutions or cooperation with the municipalities?
        - Which need or problem does the change address: accessibility, quality, working environment, productivity?
        - When during the plan period will it be carried out, and what is needed to succeed?
        - What effects are expected for residents, patients, passengers or visitors, and for the finances?
        - Does the change require a decision by the regional board or council, or does it affect other committees?

        Report costs and savings under heading 4 and investments under heading 5; a reference is enough here, so that amounts are not counted twice.
    fields:
      - id: text
        type: longText
        label:
          sv: "Text"
          en: "Text"
        help:
          sv: "Nämndens svar under rubrik 2: planerade utvecklingsinsatser och förändringar."
          en: "The committee's answer under heading 2: planned development efforts and changes."
        required: true
        maxChars: 12000
        minWords:
          value: 30
          severity: warning
          message:
            sv: "Texten är mycket kort. Beskriv de viktigaste förändringarna med minst några meningar."
            en: "The text is very short. Describe the main changes in at least a few sentences."
        maxWords:
          value: 1500
          severity: warning
          message:
            sv: "Texten är lång. Regionstyrelsen sammanställer tio nämnders svar – försök korta ned."
            en: "The text is long. The regional board compiles ten committees' answers – try to shorten it."

  # ---------------------------------------------------------------- 3
  - id: competence
    number: 3
    title:
      sv: "Nämndens inriktning för kompetensförsörjning"
      en: "Direction for competence supply"
    shortTitle:
      sv: "Kompetens"
      en: "Competence"
    guidance:
      sv: |
        Beskriv nämndens inriktning för att säkra kompetens och bemanning under planperioden. Det finns inte tillräckligt många att anställa, så rekrytering behöver kombineras med effektivare arbetssätt.

        - Vilka yrkesgrupper och verksamheter har brist i dag eller väntas få det, och hur stor är bristen?
        - Hur ska nämnden behålla, utveckla och rekrytera medarbetare och chefer, t.ex. genom arbetsmiljö, ledarskap, utbildning och arbetsgivarvarumärke?
        - Hur kan arbetet organiseras om för att minska icke värdeskapande tid, t.ex. genom uppgiftsväxling, digitala lösningar eller samordning?
        - Hur påverkas tillgänglighet och kvalitet om bemanningen inte räcker, och hur stort är beroendet av inhyrd personal?

        Koppla gärna till regionens kompetensförsörjningsstrategi. Beskriv inriktning och prioriteringar, inte detaljerade bemanningsplaner.
      en: |
        Describe the committee's direction for securing competence and staffing during the plan period. There are not enough people to hire, so recruitment must be combined with more efficient ways of working.

        - Which professions and operations have shortages today or are expected to, and how large are they?
        - How will the committee retain, develop and recruit staff and managers, e.g. through working environment, leadership, training and employer branding?
        - How can work be reorganised to reduce time that does not create value, e.g. through task shifting, digital solutions or coordination?
        - How are accessibility and quality affected if staffing is insufficient, and how dependent is the committee on agency staff?

        Refer to the region's competence supply strategy where relevant. Describe direction and priorities, not detailed staffing plans.
    fields:
      - id: text
        type: longText
        label:
          sv: "Text"
          en: "Text"
        help:
          sv: "Nämndens svar under rubrik 3: bemanning, brist och hur kompetensen ska säkras."
          en: "The committee's answer under heading 3: staffing, shortages and how competence will be secured."
        required: true
        maxChars: 12000
        minWords:
          value: 30
          severity: warning
          message:
            sv: "Texten är mycket kort. Beskriv nämndens inriktning med minst några meningar."
            en: "The text is very short. Describe the committee's direction in at least a few sentences."
        maxWords:
          value: 1500
          severity: warning
          message:
            sv: "Texten är lång. Regionstyrelsen sammanställer tio nämnders svar – försök korta ned."
            en: "The text is long. The regional board compiles ten committees' answers – try to shorten it."

  # ---------------------------------------------------------------- 4
  - id: economy
    number: 4
    title:
      sv: "Nämndens plan för hållbar ekonomi och prioriteringar av resurser"
      en: "Plan for a sustainable economy and resource priorities"
    shortTitle:
      sv: "Ekonomi"
      en: "Economy"
    guidance:
      sv: |
        Beskriv hur nämnden planerar för en ekonomi i balans inom den ram som planeringsförutsättningarna anger, och hur resurserna prioriteras.

        - Ryms verksamheten inom ramen? Om inte: hur stort är gapet i tkr per år, och vad orsakar det?
        - Vilka åtgärder planeras för att nå balans (effektiviseringar, samordning, ambitionssänkningar, ändrade intäkter), och vad betyder de för verksamheten?
        - Hur prioriterar nämnden mellan verksamheter, och vad väljer nämnden bort?
        - Vilka kostnadsökningar ligger utanför nämndens kontroll, t.ex. löner, pensioner, inflation, läkemedel och avtal?

        Revisionen har efterfrågat en risk- och känslighetsanalys som visar hur realistiska planerna är. Fyll därför i båda tabellerna:

        - Risker och känslighet: de viktigaste riskerna för planen, bedömd sannolikhet och konsekvens samt planerad åtgärd.
        - Känslighetsanalys: hur resultatet påverkas i tkr per år om en förutsättning ändras, t.ex. löneökning +1 procentenhet eller volym +5 procent. Negativt belopp betyder försämrat resultat.
      en: |
        Describe how the committee plans for balanced finances within the budget frame given in the planning premises, and how resources are prioritised.

        - Do operations fit within the frame? If not, how large is the gap in tkr per year, and what causes it?
        - Which measures are planned to reach balance (efficiency gains, coordination, lower ambitions, changed income), and what do they mean for operations?
        - How does the committee prioritise between operations, and what does it choose not to do?
        - Which cost increases are outside the committee's control, e.g. salaries, pensions, inflation, pharmaceuticals and contracts?

        The auditors have asked for a risk and sensitivity analysis that shows how realistic the plans are. Please fill in both tables:

        - Risks: the main risks to the plan, assessed likelihood and consequence, and the planned measure.
        - Sensitivity analysis: how the result changes in tkr per year if an assumption changes, e.g. salary increase +1 percentage point or volume +5 per cent. A negative amount means a worse result.
    fields:
      - id: text
        type: longText
        label:
          sv: "Text"
          en: "Text"
        help:
          sv: "Nämndens svar under rubrik 4: ekonomi i balans, åtgärder och prioriteringar."
          en: "The committee's answer under heading 4: balanced finances, measures and priorities."
        required: true
        maxChars: 12000
        minWords:
          value: 30
          severity: warning
          message:
            sv: "Texten är mycket kort. Beskriv nämndens ekonomiska plan med minst några meningar."
            en: "The text is very short. Describe the committee's financial plan in at least a few sentences."
        maxWords:
          value: 1500
          severity: warning
          message:
            sv: "Texten är lång. Regionstyrelsen sammanställer tio nämnders svar – försök korta ned."
            en: "The text is long. The regional board compiles ten committees' answers – try to shorten it."

      - id: risks
        type: table
        matrix:
          rows: likelihood
          columns: consequence
        label:
          sv: "Risker och känslighet"
          en: "Risks"
        help:
          sv: "En rad per risk: vad kan hända, hur troligt, hur allvarligt och vad nämnden gör åt det."
          en: "One row per risk: what may happen, how likely, how serious, and what the committee does about it."
        minRows:
          value: 1
          severity: warning
          message:
            sv: "Revisionen har efterfrågat en riskanalys. Ange minst en risk för nämndens plan."
            en: "The auditors have asked for a risk analysis. Enter at least one risk to the committee's plan."
        maxRows: 40
        columns:
          - id: risk
            type: shortText
            label:
              sv: "Risk"
              en: "Risk"
            help:
              sv: "Beskriv risken kort, t.ex. ”Svårt att rekrytera specialistsjuksköterskor”."
              en: "Describe the risk briefly, e.g. “Difficulty recruiting specialist nurses”."
            required: true
            maxChars: 200
          - id: likelihood
            type: choice
            label:
              sv: "Sannolikhet"
              en: "Likelihood"
            help:
              sv: "Hur troligt är det att risken inträffar under planperioden?"
              en: "How likely is it that the risk occurs during the plan period?"
            required: true
            options:
              - id: lag
                label:
                  sv: "låg"
                  en: "low"
              - id: medel
                label:
                  sv: "medel"
                  en: "medium"
              - id: hog
                label:
                  sv: "hög"
                  en: "high"
          - id: consequence
            type: choice
            label:
              sv: "Konsekvens"
              en: "Consequence"
            help:
              sv: "Hur allvarlig blir följden för verksamheten eller ekonomin om risken inträffar?"
              en: "How serious is the effect on operations or finances if the risk occurs?"
            required: true
            options:
              - id: lag
                label:
                  sv: "låg"
                  en: "low"
              - id: medel
                label:
                  sv: "medel"
                  en: "medium"
              - id: hog
                label:
                  sv: "hög"
                  en: "high"
          - id: measure
            type: shortText
            label:
              sv: "Åtgärd"
              en: "Measure"
            help:
              sv: "Vad nämnden gör för att minska sannolikheten eller konsekvensen."
              en: "What the committee does to reduce the likelihood or the consequence."
            required:
              value: true
              severity: warning
              message:
                sv: "Ange en åtgärd, eller skriv att risken accepteras."
                en: "Enter a measure, or state that the risk is accepted."
            maxChars: 300

      - id: sensitivity
        type: table
        label:
          sv: "Känslighetsanalys"
          en: "Sensitivity analysis"
        help:
          sv: "En rad per förutsättning: ändringen och effekten på resultatet i tkr för varje planår."
          en: "One row per assumption: the change and its effect on the result in tkr for each plan year."
        maxRows: 40
        columns:
          - id: parameter
            type: shortText
            label:
              sv: "Parameter"
              en: "Parameter"
            help:
              sv: "Förutsättningen som ändras, t.ex. ”Löneökning”, ”Vårdvolym” eller ”Biljettintäkter”."
              en: "The assumption that changes, e.g. “Salary increase”, “Care volume” or “Ticket revenue”."
            required: true
            maxChars: 120
          - id: change
            type: shortText
            label:
              sv: "Förändring"
              en: "Change"
            help:
              sv: "Hur mycket förutsättningen ändras, t.ex. ”+1 procentenhet” eller ”−5 procent”."
              en: "How much the assumption changes, e.g. “+1 percentage point” or “−5 per cent”."
            required: true
            maxChars: 40
          - id: effect
            type: planYears
            sum: false
            label:
              sv: "Effekt (tkr)"
              en: "Effect (tkr)"
            help:
              sv: "Effekt på resultatet per år i hela tkr; negativt belopp betyder försämrat resultat."
              en: "Effect on the result per year in whole tkr; a negative amount means a worse result."
            required: true
            min: -10000000
            max: 10000000

  # ---------------------------------------------------------------- 5
  - id: investments
    number: 5
    title:
      sv: "Nämndens investeringsplanering"
      en: "Investment planning"
    shortTitle:
      sv: "Investeringar"
      en: "Investments"
    guidance:
      sv: |
        Redovisa nämndens investeringsbehov för planperiodens fyra år. Investeringsplaneringen görs tidigt i processen och prioriteras utifrån fastställda kriterier, så ta med alla kända behov nu.

        - Ett objekt per rad i tabellen: benämning, kategori, belopp i tkr för varje planår, om investeringen redan är beslutad eller ny, och nämndens prioritet (1 = hög).
        - Ange belopp i hela tkr (1 mnkr = 1 000 tkr) för det år då utgiften beräknas uppstå.
        - Ta med redan beslutade investeringar så att bilden blir samlad, och beskriv i texten om belopp eller tidplan ändrats jämfört med tidigare beslut.
        - Beskriv i texten behovet bakom de största objekten, vad som händer om de skjuts upp och vilka följdkostnader de ger för drift, avskrivningar och lokaler.

        Regionens samlade investeringsplan är redan ansträngd, och fastigheter och medicinteknisk utrustning står för den största delen. Motivera därför särskilt nya investeringar och nämndens prioritering mellan dem.
      en: |
        Report the committee's investment needs for the four years of the plan period. Investment planning is done early in the process and prioritised against agreed criteria, so include all known needs now.

        - One object per table row: name, category, amount in tkr for each plan year, whether the investment is already decided or new, and the committee's priority (1 = high).
        - Enter amounts in whole tkr (1 mnkr = 1 000 tkr) for the year in which the expenditure is expected.
        - Include investments already decided so that the picture is complete, and explain in the text if amounts or timing have changed since the earlier decision.
        - In the text, describe the need behind the largest objects, what happens if they are postponed, and the follow-on costs for operation, depreciation and premises.

        The region's overall investment plan is already stretched, and buildings and medical technology make up the largest part. Give particular reasons for new investments and for the committee's priorities between them.
    fields:
      - id: text
        type: longText
        label:
          sv: "Text"
          en: "Text"
        help:
          sv: "Nämndens svar under rubrik 5: behov, motiv och följdkostnader bakom tabellen."
          en: "The committee's answer under heading 5: needs, reasons and follow-on costs behind the table."
        required: true
        maxChars: 12000
        minWords:
          value: 30
          severity: warning
          message:
            sv: "Texten är mycket kort. Beskriv behoven bakom investeringarna med minst några meningar."
            en: "The text is very short. Describe the needs behind the investments in at least a few sentences."
        maxWords:
          value: 1500
          severity: warning
          message:
            sv: "Texten är lång. Regionstyrelsen sammanställer tio nämnders svar – försök korta ned."
            en: "The text is long. The regional board compiles ten committees' answers – try to shorten it."

      - id: investments
        type: table
        label:
          sv: "Investeringar"
          en: "Investments"
        help:
          sv: "En rad per investeringsobjekt med belopp i tkr för varje år i planperioden."
          en: "One row per investment object with amounts in tkr for each year of the plan period."
        maxRows: 60
        columns:
          - id: object
            type: shortText
            label:
              sv: "Objekt"
              en: "Object"
            help:
              sv: "Investeringens benämning, t.ex. ”Ombyggnad av akutmottagningen” eller ”Ny MR-kamera”."
              en: "Name of the investment, e.g. “Rebuilding the emergency department” or “New MRI scanner”."
            required: true
            maxChars: 120
          - id: category
            type: choice
            label:
              sv: "Kategori"
              en: "Category"
            help:
              sv: "Välj den kategori som bäst beskriver investeringen."
              en: "Choose the category that best describes the investment."
            required: true
            options:
              - id: byggnader
                label:
                  sv: "Byggnader och lokaler"
                  en: "Buildings and premises"
              - id: medicinteknik
                label:
                  sv: "Medicinteknisk utrustning"
                  en: "Medical technology equipment"
              - id: it
                label:
                  sv: "IT och digitalisering"
                  en: "IT and digitalisation"
              - id: fordon
                label:
                  sv: "Fordon"
                  en: "Vehicles"
              - id: ovrigt
                label:
                  sv: "Övrigt"
                  en: "Other"
          - id: amounts
            type: planYears
            label:
              sv: "Belopp (tkr)"
              en: "Amount (tkr)"
            help:
              sv: "Investeringsutgift per år i hela tkr; skriv 0 för år utan utgift."
              en: "Investment expenditure per year in whole tkr; enter 0 for years without expenditure."
            required: true
            min: 0
            max: 10000000
          - id: decision
            type: choice
            label:
              sv: "Beslut"
              en: "Decision"
            help:
              sv: "Är investeringen redan beslutad i en tidigare investeringsplan, eller är den ny?"
              en: "Was the investment already decided in an earlier investment plan, or is it new?"
            required: true
            options:
              - id: beslutad
                label:
                  sv: "redan beslutad"
                  en: "already decided"
              - id: ny
                label:
                  sv: "ny"
                  en: "new"
          - id: priority
            type: choice
            label:
              sv: "Prioritet"
              en: "Priority"
            help:
              sv: "Nämndens prioritering av investeringen: 1 är högst."
              en: "The committee's priority for the investment: 1 is highest."
            required: true
            options:
              - id: '1'
                label:
                  sv: "1 – hög"
                  en: "1 – high"
              - id: '2'
                label:
                  sv: "2 – medel"
                  en: "2 – medium"
              - id: '3'
                label:
                  sv: "3 – låg"
                  en: "3 – low"

  # ---------------------------------------------------------------- 6
  - id: other
    number: 6
    title:
      sv: "Nämndens övriga synpunkter"
      en: "Other comments"
    shortTitle:
      sv: "Övrigt"
      en: "Other"
    guidance:
      sv: |
        Här lämnar nämnden övriga synpunkter på planeringsförutsättningarna som inte passar under rubrik 1–5.

        - Synpunkter på planeringsförutsättningarnas innehåll: analyser, antaganden, ramar och tidplan.
        - Frågor där nämnden behöver besked eller vill föra dialog med regionstyrelsen inför styrdialogen.
        - Konsekvenser för andra nämnder eller för samverkan med kommuner och andra aktörer.
        - Synpunkter på planeringsprocessen och mallen, så att nästa års process kan bli bättre.

        Rubriken är frivillig. Lämna den tom om nämnden inte har något att tillägga.
      en: |
        Here the committee gives other comments on the planning premises that do not fit under headings 1–5.

        - Comments on the content of the planning premises: analyses, assumptions, budget frames and timetable.
        - Questions where the committee needs an answer or wants a dialogue with the regional board before the governance dialogue.
        - Consequences for other committees or for cooperation with municipalities and other partners.
        - Comments on the planning process and the template, so that next year's process can improve.

        This heading is optional. Leave it empty if the committee has nothing to add.
    fields:
      - id: text
        type: longText
        label:
          sv: "Text"
          en: "Text"
        help:
          sv: "Nämndens övriga synpunkter på planeringsförutsättningarna (frivilligt)."
          en: "The committee's other comments on the planning premises (optional)."
        maxChars: 6000
        maxWords:
          value: 800
          severity: warning
          message:
            sv: "Texten är lång. Regionstyrelsen sammanställer tio nämnders svar – försök korta ned."
            en: "The text is long. The regional board compiles ten committees' answers – try to shorten it."

# Styrelsens svar på nämndernas återkoppling (feedback board answer). Varje rubrik får en
# bedömning (judgements) och en motivering; för tabeller vars rader kan tas in i en plan
# (rows: table är tabellens id) får varje rad ett beslut. Byt inte id på bedömningar eller
# beslut när svar redan har getts: svaren och nästa års utkast läser dem.
answers:
  judgements:
    - id: beaktas
      label:
        sv: "beaktas i regionplanen"
        en: "taken into the regional plan"
    - id: delvis
      label:
        sv: "beaktas delvis"
        en: "partly taken into account"
    - id: beaktas-inte
      label:
        sv: "beaktas inte"
        en: "not taken into account"
    - id: styrdialog
      label:
        sv: "hanteras i styrdialogen"
        en: "handled in the governance dialogue"
  rows:
    - table: investments
      label:
        sv: "Investeringsplanen"
        en: "The investment plan"
      options:
        - id: tas-in
          label:
            sv: "tas in i investeringsplanen"
            en: "enters the investment plan"
        - id: tas-inte-in
          label:
            sv: "tas inte in"
            en: "does not enter the plan"
        - id: senare
          label:
            sv: "prövas senare"
            en: "considered later"
"""####),
    ]
}
