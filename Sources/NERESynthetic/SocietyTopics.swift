/// Geography, social sciences and communications.
extension SubjectContent {
    static let geography = SubjectContent(
        subject: .geography,
        topics: [
            """
            Map skills
            latitude | imaginary lines measuring distance north or south of the equator
            longitude | imaginary lines measuring distance east or west of the prime meridian
            equator | 0° latitude; divides the Northern and Southern Hemispheres
            prime meridian | 0° longitude, running through Greenwich
            hemisphere | half of the Earth
            compass rose | symbol showing directions on a map
            map scale | shows how map distance relates to real distance
            legend | explains the symbols on a map
            cartographer | a person who makes maps
            topographic map | map showing elevation with contour lines
            International Date Line | 180° line where the date changes
            Tropic of Cancer | 23.5° N latitude
            """,
            """
            Continents and oceans
            Africa | continent of the Sahara and the Nile
            Antarctica | ice-covered continent at the South Pole
            Asia | largest and most populous continent
            Australia | smallest continent, also a country
            Europe | continent west of the Ural Mountains
            North America | continent of Canada, the United States and Mexico
            South America | continent of the Amazon and the Andes
            Pacific Ocean | largest and deepest ocean
            Atlantic Ocean | ocean between the Americas and Europe and Africa
            Indian Ocean | ocean between Africa, Asia and Australia
            Arctic Ocean | smallest ocean, around the North Pole
            Southern Ocean | ocean surrounding Antarctica
            """,
            """
            Landforms and bodies of water
            plateau | a large, flat area of high land
            peninsula | land surrounded by water on three sides
            isthmus | narrow strip of land connecting two larger areas
            archipelago | a group of islands
            delta | landform at a river's mouth built from sediment
            valley | low land between hills or mountains
            canyon | deep, narrow valley with steep sides
            strait | narrow waterway connecting two larger bodies of water
            bay | body of water partly enclosed by land
            tributary | a river that flows into a larger river
            glacier | a large, slow-moving mass of ice
            fjord | narrow inlet of the sea between cliffs
            """,
            """
            European capitals
            France | Paris
            Germany | Berlin
            Spain | Madrid
            Italy | Rome
            Portugal | Lisbon
            Poland | Warsaw
            Hungary | Budapest
            Austria | Vienna
            Sweden | Stockholm
            Norway | Oslo
            Greece | Athens
            Czech Republic | Prague
            Netherlands | Amsterdam
            Ireland | Dublin
            Belgium | Brussels
            Denmark | Copenhagen
            """,
            """
            Asian capitals
            Japan | Tokyo
            China | Beijing
            India | New Delhi
            South Korea | Seoul
            Thailand | Bangkok
            Vietnam | Hanoi
            Indonesia | Jakarta
            Philippines | Manila
            Pakistan | Islamabad
            Bangladesh | Dhaka
            Saudi Arabia | Riyadh
            Iran | Tehran
            Turkey | Ankara
            Malaysia | Kuala Lumpur
            Nepal | Kathmandu
            """,
            """
            Capitals of Africa and the Americas
            Egypt | Cairo
            Kenya | Nairobi
            Nigeria | Abuja
            Ethiopia | Addis Ababa
            Morocco | Rabat
            Ghana | Accra
            Canada | Ottawa
            Mexico | Mexico City
            Brazil | Brasília
            Argentina | Buenos Aires
            Peru | Lima
            Chile | Santiago
            Colombia | Bogotá
            Cuba | Havana
            """,
            """
            Climate and biomes
            climate | the average weather of a place over many years
            tropical rainforest | hot, wet biome with the greatest biodiversity
            desert | biome with less than 25 cm of rain a year
            tundra | cold, treeless biome with permafrost
            savanna | tropical grassland with scattered trees
            temperate deciduous forest | forest of trees that lose their leaves in fall
            taiga | cold coniferous forest of the north
            monsoon | seasonal wind that brings heavy rain
            El Niño | periodic warming of the eastern Pacific Ocean
            rain shadow | dry area on the leeward side of a mountain range
            Mediterranean climate | hot, dry summers and mild, wet winters
            prevailing winds | winds that usually blow from one direction
            """,
            """
            Rivers, mountains and deserts
            Nile | longest river in Africa, flowing north to the Mediterranean
            Amazon | largest river by volume, in South America
            Mississippi | major river of the central United States
            Yangtze | longest river in Asia
            Danube | river flowing through ten European countries
            Ganges | sacred river of northern India
            Himalayas | highest mountain range, home to Mount Everest
            Andes | longest mountain range, along western South America
            Alps | mountain range of central Europe
            Rocky Mountains | mountain range of western North America
            Mount Everest | highest mountain on Earth, 8,849 m
            Sahara | largest hot desert, in northern Africa
            """,
            """
            Human geography
            population density | number of people per unit of area
            urbanization | growth in the share of people living in cities
            migration | movement of people from one place to another
            push factor | a reason that drives people to leave a place
            pull factor | a reason that attracts people to a place
            birth rate | births per 1,000 people per year
            demographic transition | shift from high to low birth and death rates
            megacity | a city of more than 10 million people
            globalization | growing connection of the world's economies and cultures
            cultural diffusion | the spread of ideas and customs
            suburb | residential area on the edge of a city
            GDP per capita | a country's output divided by its population
            """,
        ],
        tracks: [
            Track(["World Geography", "Geography 7"], topics: [0, 1, 2, 6, 7, 8], ages: 13...15),
            Track(["Capitals of the World", "Map Quiz Prep"], topics: [1, 3, 4, 5], ages: 13...16),
            Track(["AP Human Geography", "GEOG 101"], topics: [0, 6, 8], ages: 15...20),
        ]
    )

    static let socialSciences = SubjectContent(
        subject: .socialSciences,
        topics: [
            """
            Introduction to psychology
            psychology | the scientific study of behavior and mental processes
            Wilhelm Wundt | founded the first psychology laboratory in 1879
            behaviorism | studies only observable behavior
            psychoanalysis | Freud's theory of unconscious conflicts
            humanistic psychology | emphasizes growth and free will
            cognitive psychology | studies thinking, memory and language
            Sigmund Freud | founder of psychoanalysis
            B. F. Skinner | behaviorist known for operant conditioning
            case study | in-depth study of one individual
            naturalistic observation | watching behavior in its natural setting
            correlational study | measures how two variables are related
            nature vs. nurture | debate over genes versus environment
            """,
            """
            Learning and memory
            classical conditioning | learning by associating two stimuli
            unconditioned stimulus | triggers a response without learning
            conditioned response | learned response to a previously neutral stimulus
            operant conditioning | learning from consequences
            positive reinforcement | adding something pleasant to increase a behavior
            negative reinforcement | removing something unpleasant to increase a behavior
            punishment | a consequence that decreases a behavior
            extinction | the fading of a learned response
            encoding | getting information into memory
            retrieval | getting information out of memory
            short-term memory | holds about seven items for a short time
            long-term memory | relatively permanent store of knowledge
            """,
            """
            Human development
            Jean Piaget | theorist of cognitive development in stages
            sensorimotor stage | birth to 2 years; learning through senses and actions
            object permanence | knowing objects exist when out of sight
            egocentrism | inability to see another's point of view
            conservation | knowing quantity stays the same when shape changes
            concrete operational stage | 7 to 11 years; logical thinking about concrete events
            formal operational stage | 12 and up; abstract reasoning
            Erik Erikson | described eight psychosocial stages
            attachment | emotional bond between infant and caregiver
            zone of proximal development | what a learner can do with help
            adolescence | transition from childhood to adulthood
            temperament | a person's typical emotional reactivity
            """,
            """
            Sociology
            sociology | the study of society and social behavior
            culture | the beliefs, values and practices of a group
            norm | an expected rule of behavior
            value | a shared idea of what is good
            socialization | learning the norms of one's society
            status | a position in society
            role | behavior expected of someone with a given status
            deviance | behavior that violates norms
            social stratification | ranking of people in a hierarchy
            institution | an established structure such as family or school
            ethnocentrism | judging other cultures by one's own
            cultural relativism | understanding a culture on its own terms
            """,
            """
            Microeconomics
            scarcity | limited resources and unlimited wants
            opportunity cost | the value of the next best alternative given up
            supply | how much producers are willing to sell at each price
            demand | how much consumers are willing to buy at each price
            equilibrium price | price where supply equals demand
            elasticity | how much quantity responds to a change in price
            marginal cost | the cost of producing one more unit
            monopoly | a market with a single seller
            perfect competition | many sellers of identical products
            surplus | quantity supplied exceeds quantity demanded
            shortage | quantity demanded exceeds quantity supplied
            incentive | something that motivates a choice
            """,
            """
            Macroeconomics
            GDP | total value of final goods and services produced in a year
            inflation | a general rise in prices
            unemployment rate | share of the labor force without a job
            recession | two quarters of falling GDP
            fiscal policy | government spending and taxation
            monetary policy | central bank control of money and interest rates
            Federal Reserve | the central bank of the United States
            interest rate | the price of borrowing money
            budget deficit | spending more than revenue in a year
            national debt | the total amount a government owes
            tariff | a tax on imports
            trade deficit | imports exceed exports
            """,
            """
            Government and civics
            democracy | government by the people
            republic | citizens elect representatives
            constitution | a nation's basic plan of government
            separation of powers | dividing government into three branches
            checks and balances | each branch can limit the others
            federalism | power shared between national and state governments
            legislative branch | Congress; makes laws
            executive branch | the president; enforces laws
            judicial branch | the courts; interpret laws
            Bill of Rights | the first ten amendments
            veto | the president's power to reject a bill
            amendment | a change to the Constitution
            """,
            """
            Research methods
            random sample | every member of the population has an equal chance of selection
            survey | questions asked of many people
            double-blind study | neither participants nor researchers know who gets the treatment
            placebo | an inactive substance given to a control group
            operational definition | a precise statement of how a variable is measured
            validity | measures what it claims to measure
            reliability | gives consistent results
            informed consent | agreeing to take part after learning the risks
            confounding variable | a factor other than the independent variable that affects results
            longitudinal study | follows the same people over time
            cross-sectional study | compares people of different ages at one time
            replication | repeating a study to see if results hold
            """,
        ],
        tracks: [
            Track(["AP Psychology", "PSY 101", "Intro to Psychology"], topics: [0, 7, 1, 2], ages: 16...21),
            Track(["Sociology", "SOC 101"], topics: [3, 7, 2], ages: 16...21),
            Track(["Economics", "AP Macroeconomics", "ECON 201"], topics: [4, 5], ages: 16...21),
            Track(["Civics", "US Government"], topics: [6, 5, 3], ages: 15...18),
        ]
    )

    static let communications = SubjectContent(
        subject: .communications,
        topics: [
            """
            The communication process
            sender | the person who creates and sends a message
            receiver | the person who gets and interprets a message
            message | the information being communicated
            channel | the medium through which a message travels
            encoding | turning ideas into a message
            decoding | interpreting the meaning of a message
            feedback | the receiver's response to a message
            noise | anything that interferes with a message
            context | the setting in which communication happens
            linear model | one-way view of communication
            transactional model | view of communication as simultaneous and mutual
            semantic noise | interference caused by word meanings
            """,
            """
            Nonverbal communication
            nonverbal communication | messages sent without words
            kinesics | study of body movement and gestures
            proxemics | study of the use of space
            paralanguage | vocal qualities such as pitch, rate and volume
            haptics | communication through touch
            chronemics | how time is used in communication
            oculesics | communication through eye behavior
            gesture | a movement of the hands or body that conveys meaning
            posture | the way a person holds their body
            facial expression | movement of the face that shows emotion
            personal space | the area around a person regarded as their own
            artifacts | objects and appearance that communicate
            """,
            """
            Public speaking
            thesis statement | one sentence stating the speech's central idea
            speaking outline | brief notes used while delivering a speech
            extemporaneous speech | prepared speech delivered from brief notes
            impromptu speech | speech given with little or no preparation
            manuscript speech | speech read word for word
            audience analysis | learning about listeners to adapt a speech
            attention getter | opening that draws the audience in
            transition | words that move from one idea to the next
            signpost | word or phrase that shows where the speech is going
            visual aid | something the audience can see that supports the speech
            communication apprehension | fear of speaking in public
            call to action | asking the audience to do something
            """,
            """
            Persuasion and rhetoric
            rhetoric | the art of persuasive speaking or writing
            ethos | appeal to credibility
            pathos | appeal to emotion
            logos | appeal to logic
            kairos | the right moment to make an argument
            claim | the position a speaker argues for
            evidence | facts and examples that support a claim
            counterargument | an opposing point of view
            rebuttal | a response to an opposing argument
            fallacy | an error in reasoning
            ad hominem | attacking the person instead of the argument
            straw man | misrepresenting an argument to attack it
            bandwagon | "everyone is doing it"
            """,
            """
            Interpersonal communication
            interpersonal communication | communication between two people
            self-disclosure | revealing personal information to others
            Johari window | model of known and unknown parts of the self
            active listening | fully concentrating and responding to a speaker
            empathy | understanding another person's feelings
            assertiveness | expressing needs directly and respectfully
            I-statement | "I feel … when …" statement that avoids blame
            perception checking | confirming your interpretation of another's behavior
            self-concept | how a person sees themselves
            relational dialectics | tensions between opposing needs in relationships
            conflict resolution | ways of settling disagreements
            small talk | light conversation about everyday topics
            """,
            """
            Mass media and journalism
            mass media | channels that reach large audiences
            gatekeeping | deciding which stories reach the public
            agenda setting | media influence over what people think about
            framing | the angle from which a story is told
            inverted pyramid | news structure with the most important facts first
            lede | the opening sentence of a news story
            byline | line naming the writer of an article
            objectivity | reporting without personal bias
            press release | official statement given to the media
            libel | published false statement that damages a reputation
            editorial | article that gives the publication's opinion
            media literacy | ability to analyze and evaluate media
            """,
            """
            Advertising and public relations
            target audience | the group a message is aimed at
            brand | the identity and image of a product or company
            slogan | a short, memorable phrase used in advertising
            public relations | managing an organization's reputation
            campaign | a coordinated series of messages
            demographics | statistics such as age, income and gender
            psychographics | values, attitudes and lifestyles
            market research | gathering information about consumers
            testimonial | endorsement by a satisfied customer
            crisis communication | managing messages during an emergency
            earned media | publicity gained through coverage rather than payment
            call to action | asking the audience to respond now
            """,
        ],
        tracks: [
            Track(["Intro to Communication", "COMM 101"], topics: [0, 1, 4, 2, 3], ages: 17...22),
            Track(["Public Speaking", "Speech and Debate"], topics: [0, 2, 3], ages: 15...20),
            Track(["Media Studies", "Journalism 1"], topics: [5, 6, 3], ages: 15...20),
        ]
    )
}
