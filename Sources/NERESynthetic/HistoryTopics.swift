/// History and theology. History units are in chronological order, which is how every
/// survey course walks through them.
extension SubjectContent {
    static let history = SubjectContent(
        subject: .history,
        topics: [
            """
            Mesopotamia and ancient Egypt
            Fertile Crescent | arc of fertile land from the Persian Gulf to the Nile
            Mesopotamia | land between the Tigris and Euphrates rivers
            Sumer | early civilization of city-states in southern Mesopotamia
            cuneiform | wedge-shaped writing pressed into clay tablets
            ziggurat | stepped temple tower of Mesopotamia
            Code of Hammurabi | Babylonian law code, "an eye for an eye"
            pharaoh | ruler of ancient Egypt, seen as a god-king
            hieroglyphics | Egyptian writing system using pictures and symbols
            pyramid | massive tomb built for a pharaoh
            mummification | preserving a body for the afterlife
            Nile River | river whose yearly floods made Egyptian farming possible
            papyrus | paper-like material made from reeds
            """,
            """
            Ancient Greece
            polis | a Greek city-state
            Athens | Greek city-state known for democracy and learning
            Sparta | Greek city-state known for its military society
            direct democracy | citizens vote on laws themselves
            Pericles | Athenian leader during its golden age
            Socrates | philosopher who taught by asking questions
            Plato | student of Socrates who wrote The Republic
            Aristotle | philosopher who tutored Alexander the Great
            Persian Wars | conflicts in which Greek city-states defeated Persia
            Peloponnesian War | war between Athens and Sparta, 431–404 BCE
            Alexander the Great | Macedonian king who conquered an empire to India
            Hellenistic | blend of Greek, Egyptian and Persian cultures
            Parthenon | temple to Athena on the Acropolis
            """,
            """
            Ancient Rome
            Roman Republic | government in which citizens elected leaders
            Senate | council of aristocrats that advised Roman leaders
            consul | one of two elected chief officials of the Republic
            patrician | wealthy, landowning Roman
            plebeian | common Roman citizen
            Julius Caesar | general who became dictator and was assassinated in 44 BCE
            Augustus | first Roman emperor
            Pax Romana | about 200 years of Roman peace
            Colosseum | amphitheater for gladiator games
            aqueduct | channel that carried water to cities
            Constantine | emperor who legalized Christianity
            fall of Rome | end of the Western Roman Empire in 476 CE
            """,
            """
            The Middle Ages
            feudalism | system of land in exchange for loyalty and military service
            manor | a lord's estate
            serf | peasant bound to the land
            vassal | person who received land from a lord
            knight | mounted warrior who served a lord
            chivalry | code of conduct for knights
            Magna Carta | 1215 charter limiting the English king's power
            Crusades | religious wars to capture the Holy Land
            Black Death | plague that killed a third of Europe in the 1300s
            Charlemagne | Frankish king crowned emperor in 800
            Byzantine Empire | eastern Roman Empire centered on Constantinople
            Hundred Years' War | conflict between England and France, 1337–1453
            """,
            """
            Renaissance and Reformation
            Renaissance | rebirth of classical art and learning in Europe
            humanism | focus on human potential and achievement
            Leonardo da Vinci | painter of the Mona Lisa and inventor
            Michelangelo | sculptor of David and painter of the Sistine Chapel
            printing press | Gutenberg's invention that spread ideas quickly
            Johannes Gutenberg | German who developed movable-type printing
            Martin Luther | monk who began the Protestant Reformation
            95 Theses | Luther's list of arguments against indulgences
            indulgence | pardon from punishment for sin, sold by the Church
            Counter-Reformation | Catholic Church's response to Protestantism
            Henry VIII | English king who broke with the Catholic Church
            Medici | banking family that sponsored Florentine artists
            """,
            """
            Age of Exploration
            Christopher Columbus | reached the Americas in 1492
            Vasco da Gama | first to sail from Europe to India
            Ferdinand Magellan | led the first voyage around the world
            Columbian Exchange | transfer of plants, animals and diseases between hemispheres
            conquistador | Spanish conqueror in the Americas
            Hernán Cortés | conquered the Aztec Empire
            Francisco Pizarro | conquered the Inca Empire
            mercantilism | policy that colonies exist to enrich the mother country
            colony | land controlled by a distant nation
            Treaty of Tordesillas | 1494 line dividing new lands between Spain and Portugal
            triangular trade | trade route linking Europe, Africa and the Americas
            caravel | small, fast ship used by explorers
            """,
            """
            Age of Revolutions
            Enlightenment | 18th-century movement stressing reason and rights
            John Locke | philosopher of natural rights to life, liberty and property
            Boston Tea Party | 1773 protest against British taxes
            Declaration of Independence | 1776 document announcing American independence
            Thomas Jefferson | main author of the Declaration of Independence
            George Washington | commander of the Continental Army and first US president
            Estates-General | French assembly of the three estates
            storming of the Bastille | July 14, 1789, start of the French Revolution
            Declaration of the Rights of Man | French statement of citizens' rights
            Reign of Terror | period of mass executions in revolutionary France
            Robespierre | radical leader of the Reign of Terror
            Napoleon Bonaparte | general who became emperor of France
            """,
            """
            Industrial Revolution
            Industrial Revolution | shift from hand tools to machines, starting in Britain
            steam engine | machine that turned heat into motion
            James Watt | improved the steam engine
            factory system | production in large buildings with machines
            urbanization | movement of people to cities
            spinning jenny | machine that spun several threads at once
            textile industry | first industry to be mechanized
            labor union | workers organized to bargain for better conditions
            child labor | employment of children in factories and mines
            capitalism | economic system based on private ownership
            Karl Marx | author of The Communist Manifesto
            railroad | transport that linked markets and raw materials
            """,
            """
            World War I
            militarism | glorifying military power
            alliance system | agreements that pulled nations into war
            imperialism | building empires by controlling other lands
            nationalism | strong pride in one's nation
            Franz Ferdinand | archduke whose assassination in 1914 started the war
            trench warfare | fighting from long ditches on the Western Front
            Triple Entente | France, Britain and Russia
            Central Powers | Germany, Austria-Hungary and the Ottoman Empire
            Treaty of Versailles | 1919 peace treaty that punished Germany
            League of Nations | peacekeeping body proposed by Woodrow Wilson
            armistice | agreement to stop fighting, November 11, 1918
            Western Front | battle line through Belgium and France
            """,
            """
            World War II
            Adolf Hitler | Nazi dictator of Germany
            appeasement | giving in to demands to avoid war
            blitzkrieg | "lightning war" of fast tanks and planes
            Pearl Harbor | December 7, 1941 attack that brought the US into the war
            D-Day | June 6, 1944 Allied invasion of Normandy
            Holocaust | Nazi genocide of six million Jews
            Axis Powers | Germany, Italy and Japan
            Allied Powers | Britain, the Soviet Union, the United States and others
            Battle of Stalingrad | turning point on the Eastern Front
            Hiroshima | Japanese city hit by the first atomic bomb
            Winston Churchill | British prime minister during the war
            United Nations | organization founded in 1945 to keep peace
            """,
            """
            The Cold War
            Cold War | rivalry between the US and the USSR without direct war
            iron curtain | division between communist and democratic Europe
            containment | US policy of stopping the spread of communism
            Truman Doctrine | US aid to nations resisting communism
            Marshall Plan | US aid to rebuild Western Europe
            NATO | Western military alliance founded in 1949
            Warsaw Pact | Soviet military alliance
            Berlin Wall | wall dividing East and West Berlin, 1961–1989
            Cuban Missile Crisis | 1962 standoff over Soviet missiles in Cuba
            arms race | competition to build more nuclear weapons
            space race | competition to achieve firsts in space
            détente | easing of Cold War tensions in the 1970s
            """,
            """
            The civil rights movement
            segregation | separation of people by race
            Jim Crow laws | laws that enforced segregation in the South
            Brown v. Board of Education | 1954 ruling that school segregation is unconstitutional
            Rosa Parks | refused to give up her bus seat in 1955
            Montgomery Bus Boycott | year-long protest against segregated buses
            Martin Luther King Jr. | leader of nonviolent protest, "I Have a Dream"
            March on Washington | 1963 rally for jobs and freedom
            sit-in | protest by occupying seats and refusing to leave
            Freedom Riders | activists who rode buses to challenge segregation
            Civil Rights Act of 1964 | banned discrimination in public places and jobs
            Voting Rights Act of 1965 | outlawed literacy tests for voting
            Malcolm X | Black nationalist leader
            """,
        ],
        tracks: [
            Track(["World History", "World History I"], topics: [0, 1, 2, 3, 4, 5, 6], ages: 14...16),
            Track(["Ancient Civilizations", "World History 6"], topics: [0, 1, 2, 3], ages: 13...14),
            Track(["Modern World History", "World History II"], topics: [5, 6, 7, 8, 9, 10], ages: 15...17),
            Track(["AP European History", "HIST 102"], topics: [4, 6, 7, 8, 9, 10], ages: 16...20),
            Track(["US History", "APUSH"], topics: [6, 7, 8, 9, 10, 11], ages: 16...18),
        ]
    )

    static let theology = SubjectContent(
        subject: .theology,
        topics: [
            """
            World religions: key terms
            monotheism | belief in one God
            polytheism | belief in many gods
            atheism | belief that there is no God
            agnosticism | view that God's existence cannot be known
            deism | belief in a creator who does not intervene in the world
            pantheism | belief that God is identical with the universe
            scripture | sacred writings of a religion
            ritual | a set form of religious ceremony
            pilgrimage | a journey to a sacred place
            prophet | a messenger believed to speak for God
            clergy | people ordained for religious duties
            sacred | set apart as holy
            """,
            """
            Judaism
            Torah | the first five books of the Hebrew Bible
            Talmud | collection of Jewish law and commentary
            synagogue | Jewish house of worship
            rabbi | Jewish teacher and religious leader
            Abraham | patriarch with whom God made a covenant
            Moses | led the Israelites out of Egypt and received the Ten Commandments
            covenant | sacred agreement between God and people
            Passover | festival remembering the Exodus from Egypt
            Yom Kippur | Day of Atonement
            Sabbath | day of rest from Friday to Saturday evening
            kosher | food that meets Jewish dietary laws
            bar mitzvah | coming-of-age ceremony at age 13
            """,
            """
            Christianity
            Gospel | one of the four accounts of Jesus' life
            Trinity | one God in three persons: Father, Son and Holy Spirit
            Resurrection | Jesus rising from the dead
            apostle | one of the twelve followers sent out by Jesus
            baptism | ritual washing that marks entry into the Church
            Eucharist | sharing of bread and wine in memory of the Last Supper
            New Testament | second part of the Christian Bible
            Pentecost | descent of the Holy Spirit on the apostles
            parable | a story Jesus told to teach a lesson
            Messiah | the anointed one; Christians believe this is Jesus
            Sermon on the Mount | Jesus' teaching that includes the Beatitudes
            Beatitudes | blessings such as "blessed are the meek"
            """,
            """
            Islam
            Qur'an | holy book of Islam
            Muhammad | the final prophet in Islam
            Five Pillars | the five basic duties of Muslims
            Shahada | declaration of faith
            Salat | prayer five times a day
            Zakat | giving to the poor
            Sawm | fasting during Ramadan
            Hajj | pilgrimage to Mecca
            mosque | Muslim place of worship
            Ramadan | month of fasting
            imam | leader of prayer in a mosque
            Sunni and Shia | the two main branches of Islam
            """,
            """
            Hinduism
            Brahman | the ultimate reality in Hinduism
            atman | the individual soul
            karma | the effect of a person's actions on future lives
            dharma | duty according to one's place in life
            samsara | the cycle of birth, death and rebirth
            moksha | liberation from the cycle of rebirth
            reincarnation | rebirth of the soul in a new body
            Vedas | oldest Hindu scriptures
            Bhagavad Gita | sacred dialogue between Krishna and Arjuna
            caste system | traditional social hierarchy
            Vishnu | the preserver god
            Shiva | the destroyer god
            """,
            """
            Buddhism
            Siddhartha Gautama | prince who became the Buddha
            Four Noble Truths | life involves suffering; suffering has a cause and an end
            Eightfold Path | the Buddha's path to end suffering
            nirvana | freedom from suffering and rebirth
            enlightenment | awakening to the true nature of reality
            dukkha | suffering or dissatisfaction
            Middle Way | path between indulgence and extreme self-denial
            Theravada | "way of the elders", Buddhism of Southeast Asia
            Mahayana | "great vehicle", Buddhism of East Asia
            sangha | community of monks and nuns
            bodhisattva | one who delays nirvana to help others
            meditation | training the mind through focus
            """,
            """
            The sacraments
            sacrament | a visible sign of God's grace
            Baptism | sacrament of initiation with water
            Confirmation | sacrament that strengthens the gifts of the Holy Spirit
            Eucharist | sacrament of the Body and Blood of Christ
            Reconciliation | sacrament of confession and forgiveness
            Anointing of the Sick | sacrament of healing for the seriously ill
            Holy Orders | sacrament of ordination to ministry
            Matrimony | sacrament of marriage
            grace | God's free and undeserved gift
            liturgy | the public worship of the Church
            Mass | the central act of Catholic worship
            catechism | summary of the teachings of the faith
            """,
            """
            Philosophy of religion
            cosmological argument | everything has a cause, so there is a first cause
            teleological argument | design in the world points to a designer
            ontological argument | God's existence follows from the concept of God
            problem of evil | how can a good, all-powerful God allow suffering?
            theodicy | a defense of God's goodness despite evil
            free will | the ability to choose one's actions
            omnipotent | all-powerful
            omniscient | all-knowing
            omnibenevolent | all-good
            faith | trust or belief without full proof
            miracle | an event that breaks the laws of nature
            Thomas Aquinas | theologian who gave the Five Ways
            """,
        ],
        tracks: [
            Track(["World Religions", "Religious Studies"], topics: [0, 1, 2, 3, 4, 5], ages: 15...18),
            Track(["Theology 9", "Catholic Faith"], topics: [2, 6, 1], ages: 14...15),
            Track(["Philosophy of Religion", "REL 101"], topics: [0, 7, 2, 5], ages: 17...22),
        ]
    )
}
