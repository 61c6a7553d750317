/// Beginner vocabulary shared by every language course, one concept per row, in the order a
/// first-year syllabus teaches it (the paper's example is a French class moving from the days
/// of the week to the months). Columns: English, French, Spanish, German, Italian,
/// Portuguese (European), Dutch. The first row of each block holds the unit titles; rows
/// above a `--` line are the core every set on the unit contains (all seven days, all twelve
/// months), rows below it are sampled.
enum LanguageTopics {
    static let columns = ["en", "fr", "es", "de", "it", "pt", "nl"]

    static let blocks: [String] = [
        """
        Greetings | les salutations | los saludos | die Begrüßung | i saluti | as saudações | de begroetingen
        --
        hello | bonjour | hola | hallo | ciao | olá | hallo
        goodbye | au revoir | adiós | auf Wiedersehen | arrivederci | adeus | tot ziens
        please | s'il vous plaît | por favor | bitte | per favore | por favor | alsjeblieft
        thank you | merci | gracias | danke | grazie | obrigado | dank je
        yes | oui | sí | ja | sì | sim | ja
        no | non | no | nein | no | não | nee
        good morning | bonjour | buenos días | guten Morgen | buongiorno | bom dia | goedemorgen
        good afternoon | bon après-midi | buenas tardes | guten Tag | buon pomeriggio | boa tarde | goedemiddag
        good evening | bonsoir | buenas noches | guten Abend | buonasera | boa noite | goedenavond
        see you soon | à bientôt | hasta pronto | bis bald | a presto | até logo | tot gauw
        see you tomorrow | à demain | hasta mañana | bis morgen | a domani | até amanhã | tot morgen
        how are you? | comment ça va ? | ¿cómo estás? | wie geht's? | come stai? | como estás? | hoe gaat het?
        I'm fine | ça va bien | estoy bien | mir geht's gut | sto bene | estou bem | het gaat goed
        my name is … | je m'appelle … | me llamo … | ich heiße … | mi chiamo … | chamo-me … | ik heet …
        excuse me | excusez-moi | perdón | Entschuldigung | mi scusi | com licença | pardon
        sorry | désolé | lo siento | es tut mir leid | mi dispiace | desculpa | sorry
        you're welcome | de rien | de nada | gern geschehen | prego | de nada | graag gedaan
        nice to meet you | enchanté | mucho gusto | freut mich | piacere | muito prazer | aangenaam
        """,
        """
        Days of the week | les jours de la semaine | los días de la semana | die Wochentage | i giorni della settimana | os dias da semana | de dagen van de week
        Monday | lundi | lunes | der Montag | lunedì | segunda-feira | maandag
        Tuesday | mardi | martes | der Dienstag | martedì | terça-feira | dinsdag
        Wednesday | mercredi | miércoles | der Mittwoch | mercoledì | quarta-feira | woensdag
        Thursday | jeudi | jueves | der Donnerstag | giovedì | quinta-feira | donderdag
        Friday | vendredi | viernes | der Freitag | venerdì | sexta-feira | vrijdag
        Saturday | samedi | sábado | der Samstag | sabato | sábado | zaterdag
        Sunday | dimanche | domingo | der Sonntag | domenica | domingo | zondag
        --
        today | aujourd'hui | hoy | heute | oggi | hoje | vandaag
        tomorrow | demain | mañana | morgen | domani | amanhã | morgen
        yesterday | hier | ayer | gestern | ieri | ontem | gisteren
        the day after tomorrow | après-demain | pasado mañana | übermorgen | dopodomani | depois de amanhã | overmorgen
        tomorrow morning | demain matin | mañana por la mañana | morgen früh | domani mattina | amanhã de manhã | morgenochtend
        tomorrow evening | demain soir | mañana por la noche | morgen Abend | domani sera | amanhã à noite | morgenavond
        the week | la semaine | la semana | die Woche | la settimana | a semana | de week
        the weekend | le week-end | el fin de semana | das Wochenende | il fine settimana | o fim de semana | het weekend
        the morning | le matin | la mañana | der Morgen | la mattina | a manhã | de ochtend
        the afternoon | l'après-midi | la tarde | der Nachmittag | il pomeriggio | a tarde | de middag
        the night | la nuit | la noche | die Nacht | la notte | a noite | de nacht
        before | avant | antes | vorher | prima | antes | eerder
        after | après | después | nachher | dopo | depois | daarna
        a year | un an | un año | ein Jahr | un anno | um ano | een jaar
        """,
        """
        Months and seasons | les mois et les saisons | los meses y las estaciones | die Monate und Jahreszeiten | i mesi e le stagioni | os meses e as estações | de maanden en seizoenen
        January | janvier | enero | der Januar | gennaio | janeiro | januari
        February | février | febrero | der Februar | febbraio | fevereiro | februari
        March | mars | marzo | der März | marzo | março | maart
        April | avril | abril | der April | aprile | abril | april
        May | mai | mayo | der Mai | maggio | maio | mei
        June | juin | junio | der Juni | giugno | junho | juni
        July | juillet | julio | der Juli | luglio | julho | juli
        August | août | agosto | der August | agosto | agosto | augustus
        September | septembre | septiembre | der September | settembre | setembro | september
        October | octobre | octubre | der Oktober | ottobre | outubro | oktober
        November | novembre | noviembre | der November | novembre | novembro | november
        December | décembre | diciembre | der Dezember | dicembre | dezembro | december
        --
        the months | les mois | los meses | die Monate | i mesi | os meses | de maanden
        spring | le printemps | la primavera | der Frühling | la primavera | a primavera | de lente
        summer | l'été | el verano | der Sommer | l'estate | o verão | de zomer
        fall | l'automne | el otoño | der Herbst | l'autunno | o outono | de herfst
        winter | l'hiver | el invierno | der Winter | l'inverno | o inverno | de winter
        in spring | au printemps | en primavera | im Frühling | in primavera | na primavera | in de lente
        in summer | en été | en verano | im Sommer | d'estate | no verão | in de zomer
        when? | quand ? | ¿cuándo? | wann? | quando? | quando? | wanneer?
        how? | comment ? | ¿cómo? | wie? | come? | como? | hoe?
        with whom? | avec qui ? | ¿con quién? | mit wem? | con chi? | com quem? | met wie?
        the birthday | l'anniversaire | el cumpleaños | der Geburtstag | il compleanno | o aniversário | de verjaardag
        """,
        """
        Numbers | les nombres | los números | die Zahlen | i numeri | os números | de getallen
        one | un | uno | eins | uno | um | een
        two | deux | dos | zwei | due | dois | twee
        three | trois | tres | drei | tre | três | drie
        four | quatre | cuatro | vier | quattro | quatro | vier
        five | cinq | cinco | fünf | cinque | cinco | vijf
        six | six | seis | sechs | sei | seis | zes
        seven | sept | siete | sieben | sette | sete | zeven
        eight | huit | ocho | acht | otto | oito | acht
        nine | neuf | nueve | neun | nove | nove | negen
        ten | dix | diez | zehn | dieci | dez | tien
        --
        eleven | onze | once | elf | undici | onze | elf
        twelve | douze | doce | zwölf | dodici | doze | twaalf
        fifteen | quinze | quince | fünfzehn | quindici | quinze | vijftien
        twenty | vingt | veinte | zwanzig | venti | vinte | twintig
        thirty | trente | treinta | dreißig | trenta | trinta | dertig
        fifty | cinquante | cincuenta | fünfzig | cinquanta | cinquenta | vijftig
        seventy | soixante-dix | setenta | siebzig | settanta | setenta | zeventig
        ninety | quatre-vingt-dix | noventa | neunzig | novanta | noventa | negentig
        a hundred | cent | cien | hundert | cento | cem | honderd
        a thousand | mille | mil | tausend | mille | mil | duizend
        """,
        """
        Colors | les couleurs | los colores | die Farben | i colori | as cores | de kleuren
        red | rouge | rojo | rot | rosso | vermelho | rood
        blue | bleu | azul | blau | blu | azul | blauw
        green | vert | verde | grün | verde | verde | groen
        yellow | jaune | amarillo | gelb | giallo | amarelo | geel
        black | noir | negro | schwarz | nero | preto | zwart
        white | blanc | blanco | weiß | bianco | branco | wit
        --
        gray | gris | gris | grau | grigio | cinzento | grijs
        brown | marron | marrón | braun | marrone | castanho | bruin
        pink | rose | rosa | rosa | rosa | cor-de-rosa | roze
        orange | orange | naranja | orange | arancione | laranja | oranje
        purple | violet | morado | lila | viola | roxo | paars
        the color | la couleur | el color | die Farbe | il colore | a cor | de kleur
        dark | foncé | oscuro | dunkel | scuro | escuro | donker
        light | clair | claro | hell | chiaro | claro | licht
        gold | doré | dorado | golden | dorato | dourado | goudkleurig
        my favorite color | ma couleur préférée | mi color favorito | meine Lieblingsfarbe | il mio colore preferito | a minha cor preferida | mijn lievelingskleur
        """,
        """
        Family | la famille | la familia | die Familie | la famiglia | a família | het gezin
        --
        the mother | la mère | la madre | die Mutter | la madre | a mãe | de moeder
        the father | le père | el padre | der Vater | il padre | o pai | de vader
        the parents | les parents | los padres | die Eltern | i genitori | os pais | de ouders
        the brother | le frère | el hermano | der Bruder | il fratello | o irmão | de broer
        the sister | la sœur | la hermana | die Schwester | la sorella | a irmã | de zus
        the grandmother | la grand-mère | la abuela | die Großmutter | la nonna | a avó | de grootmoeder
        the grandfather | le grand-père | el abuelo | der Großvater | il nonno | o avô | de grootvader
        the uncle | l'oncle | el tío | der Onkel | lo zio | o tio | de oom
        the aunt | la tante | la tía | die Tante | la zia | a tia | de tante
        the cousin (m.) | le cousin | el primo | der Cousin | il cugino | o primo | de neef
        the son | le fils | el hijo | der Sohn | il figlio | o filho | de zoon
        the daughter | la fille | la hija | die Tochter | la figlia | a filha | de dochter
        the husband | le mari | el esposo | der Ehemann | il marito | o marido | de echtgenoot
        the wife | la femme | la esposa | die Ehefrau | la moglie | a esposa | de echtgenote
        the child | l'enfant | el niño | das Kind | il bambino | a criança | het kind
        the family | la famille | la familia | die Familie | la famiglia | a família | de familie
        """,
        """
        At school | à l'école | en la escuela | in der Schule | a scuola | na escola | op school
        --
        the teacher | le professeur | el profesor | der Lehrer | l'insegnante | o professor | de leraar
        the student | l'élève | el estudiante | der Schüler | lo studente | o aluno | de leerling
        the book | le livre | el libro | das Buch | il libro | o livro | het boek
        the pen | le stylo | el bolígrafo | der Kugelschreiber | la penna | a caneta | de pen
        the pencil | le crayon | el lápiz | der Bleistift | la matita | o lápis | het potlood
        the notebook | le cahier | el cuaderno | das Heft | il quaderno | o caderno | het schrift
        the classroom | la salle de classe | el aula | das Klassenzimmer | l'aula | a sala de aula | het klaslokaal
        the homework | les devoirs | la tarea | die Hausaufgaben | i compiti | os trabalhos de casa | het huiswerk
        the lesson | la leçon | la lección | die Unterrichtsstunde | la lezione | a lição | de les
        the exam | l'examen | el examen | die Prüfung | l'esame | o exame | het examen
        the backpack | le sac à dos | la mochila | der Rucksack | lo zaino | a mochila | de rugzak
        the desk | le bureau | el escritorio | der Schreibtisch | la scrivania | a secretária | het bureau
        the board | le tableau | la pizarra | die Tafel | la lavagna | o quadro | het bord
        the eraser | la gomme | la goma | der Radiergummi | la gomma | a borracha | de gum
        the ruler | la règle | la regla | das Lineal | il righello | a régua | de liniaal
        the scissors | les ciseaux | las tijeras | die Schere | le forbici | a tesoura | de schaar
        """,
        """
        Food and drink | la nourriture et les boissons | la comida y las bebidas | Essen und Trinken | il cibo e le bevande | a comida e as bebidas | eten en drinken
        --
        the bread | le pain | el pan | das Brot | il pane | o pão | het brood
        the cheese | le fromage | el queso | der Käse | il formaggio | o queijo | de kaas
        the apple | la pomme | la manzana | der Apfel | la mela | a maçã | de appel
        the water | l'eau | el agua | das Wasser | l'acqua | a água | het water
        the milk | le lait | la leche | die Milch | il latte | o leite | de melk
        the coffee | le café | el café | der Kaffee | il caffè | o café | de koffie
        the tea | le thé | el té | der Tee | il tè | o chá | de thee
        the meat | la viande | la carne | das Fleisch | la carne | a carne | het vlees
        the chicken | le poulet | el pollo | das Hähnchen | il pollo | o frango | de kip
        the fish | le poisson | el pescado | der Fisch | il pesce | o peixe | de vis
        the egg | l'œuf | el huevo | das Ei | l'uovo | o ovo | het ei
        the rice | le riz | el arroz | der Reis | il riso | o arroz | de rijst
        the vegetables | les légumes | las verduras | das Gemüse | le verdure | os legumes | de groenten
        the potato | la pomme de terre | la patata | die Kartoffel | la patata | a batata | de aardappel
        the sugar | le sucre | el azúcar | der Zucker | lo zucchero | o açúcar | de suiker
        the breakfast | le petit-déjeuner | el desayuno | das Frühstück | la colazione | o pequeno-almoço | het ontbijt
        the lunch | le déjeuner | el almuerzo | das Mittagessen | il pranzo | o almoço | de lunch
        the dinner | le dîner | la cena | das Abendessen | la cena | o jantar | het avondeten
        I'm hungry | j'ai faim | tengo hambre | ich habe Hunger | ho fame | tenho fome | ik heb honger
        I'm thirsty | j'ai soif | tengo sed | ich habe Durst | ho sete | tenho sede | ik heb dorst
        """,
        """
        The body | le corps | el cuerpo | der Körper | il corpo | o corpo | het lichaam
        --
        the head | la tête | la cabeza | der Kopf | la testa | a cabeça | het hoofd
        the eye | l'œil | el ojo | das Auge | l'occhio | o olho | het oog
        the nose | le nez | la nariz | die Nase | il naso | o nariz | de neus
        the mouth | la bouche | la boca | der Mund | la bocca | a boca | de mond
        the ear | l'oreille | la oreja | das Ohr | l'orecchio | a orelha | het oor
        the hand | la main | la mano | die Hand | la mano | a mão | de hand
        the foot | le pied | el pie | der Fuß | il piede | o pé | de voet
        the arm | le bras | el brazo | der Arm | il braccio | o braço | de arm
        the leg | la jambe | la pierna | das Bein | la gamba | a perna | het been
        the heart | le cœur | el corazón | das Herz | il cuore | o coração | het hart
        the back | le dos | la espalda | der Rücken | la schiena | as costas | de rug
        the hair | les cheveux | el pelo | die Haare | i capelli | o cabelo | het haar
        the tooth | la dent | el diente | der Zahn | il dente | o dente | de tand
        the knee | le genou | la rodilla | das Knie | il ginocchio | o joelho | de knie
        the shoulder | l'épaule | el hombro | die Schulter | la spalla | o ombro | de schouder
        my head hurts | j'ai mal à la tête | me duele la cabeza | mir tut der Kopf weh | mi fa male la testa | dói-me a cabeça | ik heb hoofdpijn
        """,
        """
        Clothes | les vêtements | la ropa | die Kleidung | i vestiti | a roupa | de kleding
        --
        the shirt | la chemise | la camisa | das Hemd | la camicia | a camisa | het overhemd
        the T-shirt | le tee-shirt | la camiseta | das T-Shirt | la maglietta | a t-shirt | het T-shirt
        the pants | le pantalon | los pantalones | die Hose | i pantaloni | as calças | de broek
        the dress | la robe | el vestido | das Kleid | il vestito | o vestido | de jurk
        the skirt | la jupe | la falda | der Rock | la gonna | a saia | de rok
        the shoe | la chaussure | el zapato | der Schuh | la scarpa | o sapato | de schoen
        the hat | le chapeau | el sombrero | der Hut | il cappello | o chapéu | de hoed
        the coat | le manteau | el abrigo | der Mantel | il cappotto | o casaco | de jas
        the sock | la chaussette | el calcetín | die Socke | il calzino | a meia | de sok
        the jacket | la veste | la chaqueta | die Jacke | la giacca | o blusão | het jasje
        the scarf | l'écharpe | la bufanda | der Schal | la sciarpa | o cachecol | de sjaal
        the gloves | les gants | los guantes | die Handschuhe | i guanti | as luvas | de handschoenen
        the sweater | le pull | el suéter | der Pullover | il maglione | a camisola | de trui
        to wear | porter | llevar | tragen | indossare | vestir | dragen
        """,
        """
        The house | la maison | la casa | das Haus | la casa | a casa | het huis
        --
        the house | la maison | la casa | das Haus | la casa | a casa | het huis
        the kitchen | la cuisine | la cocina | die Küche | la cucina | a cozinha | de keuken
        the bedroom | la chambre | el dormitorio | das Schlafzimmer | la camera da letto | o quarto | de slaapkamer
        the bathroom | la salle de bains | el baño | das Badezimmer | il bagno | a casa de banho | de badkamer
        the living room | le salon | la sala de estar | das Wohnzimmer | il soggiorno | a sala de estar | de woonkamer
        the door | la porte | la puerta | die Tür | la porta | a porta | de deur
        the window | la fenêtre | la ventana | das Fenster | la finestra | a janela | het raam
        the table | la table | la mesa | der Tisch | il tavolo | a mesa | de tafel
        the chair | la chaise | la silla | der Stuhl | la sedia | a cadeira | de stoel
        the bed | le lit | la cama | das Bett | il letto | a cama | het bed
        the garden | le jardin | el jardín | der Garten | il giardino | o jardim | de tuin
        the stairs | l'escalier | la escalera | die Treppe | le scale | as escadas | de trap
        the roof | le toit | el tejado | das Dach | il tetto | o telhado | het dak
        the floor | le sol | el suelo | der Boden | il pavimento | o chão | de vloer
        the apartment | l'appartement | el piso | die Wohnung | l'appartamento | o apartamento | het appartement
        """,
        """
        The weather | la météo | el tiempo | das Wetter | il tempo | o tempo | het weer
        --
        the weather | le temps | el tiempo | das Wetter | il tempo | o tempo | het weer
        it's sunny | il y a du soleil | hace sol | es ist sonnig | c'è il sole | está sol | het is zonnig
        it's raining | il pleut | llueve | es regnet | piove | está a chover | het regent
        it's snowing | il neige | nieva | es schneit | nevica | está a nevar | het sneeuwt
        it's cold | il fait froid | hace frío | es ist kalt | fa freddo | está frio | het is koud
        it's hot | il fait chaud | hace calor | es ist heiß | fa caldo | está calor | het is warm
        it's windy | il y a du vent | hace viento | es ist windig | c'è vento | está vento | het waait
        it's nice out | il fait beau | hace buen tiempo | es ist schön | fa bel tempo | está bom tempo | het is mooi weer
        the rain | la pluie | la lluvia | der Regen | la pioggia | a chuva | de regen
        the snow | la neige | la nieve | der Schnee | la neve | a neve | de sneeuw
        the sun | le soleil | el sol | die Sonne | il sole | o sol | de zon
        the cloud | le nuage | la nube | die Wolke | la nuvola | a nuvem | de wolk
        the storm | l'orage | la tormenta | das Gewitter | il temporale | a tempestade | het onweer
        the fog | le brouillard | la niebla | der Nebel | la nebbia | o nevoeiro | de mist
        the temperature | la température | la temperatura | die Temperatur | la temperatura | a temperatura | de temperatuur
        """,
        """
        Animals | les animaux | los animales | die Tiere | gli animali | os animais | de dieren
        --
        the dog | le chien | el perro | der Hund | il cane | o cão | de hond
        the cat | le chat | el gato | die Katze | il gatto | o gato | de kat
        the horse | le cheval | el caballo | das Pferd | il cavallo | o cavalo | het paard
        the cow | la vache | la vaca | die Kuh | la mucca | a vaca | de koe
        the bird | l'oiseau | el pájaro | der Vogel | l'uccello | o pássaro | de vogel
        the mouse | la souris | el ratón | die Maus | il topo | o rato | de muis
        the pig | le cochon | el cerdo | das Schwein | il maiale | o porco | het varken
        the sheep | le mouton | la oveja | das Schaf | la pecora | a ovelha | het schaap
        the rabbit | le lapin | el conejo | das Kaninchen | il coniglio | o coelho | het konijn
        the lion | le lion | el león | der Löwe | il leone | o leão | de leeuw
        the bear | l'ours | el oso | der Bär | l'orso | o urso | de beer
        the duck | le canard | el pato | die Ente | l'anatra | o pato | de eend
        the snake | le serpent | la serpiente | die Schlange | il serpente | a cobra | de slang
        the elephant | l'éléphant | el elefante | der Elefant | l'elefante | o elefante | de olifant
        the monkey | le singe | el mono | der Affe | la scimmia | o macaco | de aap
        """,
        """
        In town | en ville | en la ciudad | in der Stadt | in città | na cidade | in de stad
        --
        the street | la rue | la calle | die Straße | la strada | a rua | de straat
        the train station | la gare | la estación de tren | der Bahnhof | la stazione | a estação de comboios | het station
        the library | la bibliothèque | la biblioteca | die Bibliothek | la biblioteca | a biblioteca | de bibliotheek
        the church | l'église | la iglesia | die Kirche | la chiesa | a igreja | de kerk
        the hospital | l'hôpital | el hospital | das Krankenhaus | l'ospedale | o hospital | het ziekenhuis
        the market | le marché | el mercado | der Markt | il mercato | o mercado | de markt
        the bank | la banque | el banco | die Bank | la banca | o banco | de bank
        the museum | le musée | el museo | das Museum | il museo | o museu | het museum
        the bakery | la boulangerie | la panadería | die Bäckerei | il panificio | a padaria | de bakkerij
        the post office | la poste | la oficina de correos | die Post | l'ufficio postale | os correios | het postkantoor
        the bridge | le pont | el puente | die Brücke | il ponte | a ponte | de brug
        on the left | à gauche | a la izquierda | links | a sinistra | à esquerda | links
        on the right | à droite | a la derecha | rechts | a destra | à direita | rechts
        straight ahead | tout droit | todo recto | geradeaus | sempre dritto | sempre em frente | rechtdoor
        near | près de | cerca de | in der Nähe von | vicino a | perto de | dichtbij
        far from | loin de | lejos de | weit weg von | lontano da | longe de | ver van
        """,
        """
        Common verbs | les verbes courants | los verbos comunes | häufige Verben | i verbi comuni | os verbos comuns | veelgebruikte werkwoorden
        to be | être | ser | sein | essere | ser | zijn
        to have | avoir | tener | haben | avere | ter | hebben
        to go | aller | ir | gehen | andare | ir | gaan
        --
        to do, to make | faire | hacer | machen | fare | fazer | doen
        to eat | manger | comer | essen | mangiare | comer | eten
        to drink | boire | beber | trinken | bere | beber | drinken
        to speak | parler | hablar | sprechen | parlare | falar | spreken
        to read | lire | leer | lesen | leggere | ler | lezen
        to write | écrire | escribir | schreiben | scrivere | escrever | schrijven
        to live | habiter | vivir | wohnen | abitare | morar | wonen
        to see | voir | ver | sehen | vedere | ver | zien
        to want | vouloir | querer | wollen | volere | querer | willen
        to be able to | pouvoir | poder | können | potere | poder | kunnen
        to know (a fact) | savoir | saber | wissen | sapere | saber | weten
        to come | venir | venir | kommen | venire | vir | komen
        to sleep | dormir | dormir | schlafen | dormire | dormir | slapen
        to play | jouer | jugar | spielen | giocare | jogar | spelen
        """,
        """
        Travel and transport | les voyages et les transports | los viajes y el transporte | Reisen und Verkehr | i viaggi e i trasporti | as viagens e os transportes | reizen en vervoer
        --
        the train | le train | el tren | der Zug | il treno | o comboio | de trein
        the plane | l'avion | el avión | das Flugzeug | l'aereo | o avião | het vliegtuig
        the car | la voiture | el coche | das Auto | la macchina | o carro | de auto
        the bus | le bus | el autobús | der Bus | l'autobus | o autocarro | de bus
        the bicycle | le vélo | la bicicleta | das Fahrrad | la bicicletta | a bicicleta | de fiets
        the boat | le bateau | el barco | das Boot | la barca | o barco | de boot
        the ticket | le billet | el billete | die Fahrkarte | il biglietto | o bilhete | het kaartje
        the suitcase | la valise | la maleta | der Koffer | la valigia | a mala | de koffer
        the passport | le passeport | el pasaporte | der Reisepass | il passaporto | o passaporte | het paspoort
        the airport | l'aéroport | el aeropuerto | der Flughafen | l'aeroporto | o aeroporto | het vliegveld
        the hotel | l'hôtel | el hotel | das Hotel | l'albergo | o hotel | het hotel
        the beach | la plage | la playa | der Strand | la spiaggia | a praia | het strand
        the map | la carte | el mapa | die Landkarte | la mappa | o mapa | de kaart
        to travel | voyager | viajar | reisen | viaggiare | viajar | reizen
        the vacation | les vacances | las vacaciones | der Urlaub | le vacanze | as férias | de vakantie
        """,
    ]
}
