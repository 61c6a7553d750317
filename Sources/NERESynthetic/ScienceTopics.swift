/// Natural, formal and applied sciences. Units are listed in teaching order; each track
/// is a course a school would actually run over them.
extension SubjectContent {
    static let naturalSciences = SubjectContent(
        subject: .naturalSciences,
        topics: [
            """
            The scientific method
            hypothesis | a testable prediction about the outcome of an experiment
            independent variable | the factor the experimenter deliberately changes
            dependent variable | the factor that is measured in an experiment
            control group | the group that does not receive the experimental treatment
            constant | a factor kept the same in every trial
            observation | information gathered with the senses or instruments
            inference | a conclusion drawn from observations and prior knowledge
            data | facts and measurements collected during an experiment
            scientific theory | a well-tested explanation supported by much evidence
            scientific law | a statement describing what always happens under given conditions
            experiment | a controlled procedure to test a hypothesis
            conclusion | a statement of whether the data support the hypothesis
            """,
            """
            Cells
            cell | the basic unit of structure and function in living things
            nucleus | organelle that holds the cell's DNA and controls its activities
            cell membrane | thin barrier that controls what enters and leaves the cell
            cytoplasm | jelly-like fluid that fills the cell and holds the organelles
            mitochondria | organelles that release energy from food; the powerhouse of the cell
            ribosome | small structure where proteins are made
            chloroplast | organelle in plant cells where photosynthesis takes place
            cell wall | rigid layer outside the membrane of plant, fungal and bacterial cells
            vacuole | sac that stores water, food and waste
            endoplasmic reticulum | network of membranes that transports proteins and lipids
            Golgi apparatus | packages and ships proteins out of the cell
            prokaryote | a cell without a nucleus, such as a bacterium
            eukaryote | a cell with a nucleus and membrane-bound organelles
            organelle | a specialized structure inside a cell
            """,
            """
            Photosynthesis and cellular respiration
            photosynthesis | process in which plants use light, water and CO2 to make glucose and oxygen
            chlorophyll | green pigment that absorbs light energy
            glucose | simple sugar made during photosynthesis; C6H12O6
            cellular respiration | process that breaks down glucose to release energy as ATP
            ATP | adenosine triphosphate, the cell's energy currency
            stomata | pores in a leaf that let gases in and out
            Calvin cycle | light-independent reactions that build sugar from CO2
            light-dependent reactions | reactions in the thylakoid that capture light energy
            fermentation | releasing energy from glucose without oxygen
            aerobic | requiring oxygen
            anaerobic | not requiring oxygen
            carbon dioxide | gas taken in by plants and released by respiration
            """,
            """
            Genetics
            DNA | deoxyribonucleic acid, the molecule that carries genetic information
            gene | a segment of DNA that codes for a trait
            allele | one of the different forms of a gene
            dominant | an allele whose trait shows whenever it is present
            recessive | an allele whose trait shows only when two copies are present
            genotype | the genetic makeup of an organism, e.g. Bb
            phenotype | the physical trait that is expressed
            homozygous | having two identical alleles for a trait
            heterozygous | having two different alleles for a trait
            Punnett square | chart used to predict the offspring of a genetic cross
            chromosome | threadlike structure of DNA and protein in the nucleus
            mutation | a change in the DNA sequence
            meiosis | cell division that produces four sex cells with half the chromosomes
            mitosis | cell division that produces two identical body cells
            """,
            """
            Evolution
            natural selection | organisms best suited to their environment survive and reproduce
            adaptation | an inherited trait that increases survival
            fitness | an organism's ability to survive and reproduce
            variation | differences among individuals of a species
            fossil record | the history of life preserved in rocks
            homologous structures | body parts with a common origin but different functions
            common ancestor | the most recent species from which two species descended
            speciation | the formation of a new species
            Charles Darwin | naturalist who proposed evolution by natural selection
            artificial selection | breeding organisms by humans for desired traits
            extinction | the disappearance of a species from Earth
            vestigial structure | a body part that has lost most of its original function
            """,
            """
            Ecology
            ecosystem | all living and nonliving things interacting in an area
            producer | organism that makes its own food, such as a plant
            consumer | organism that eats other organisms for energy
            decomposer | organism that breaks down dead matter, such as fungi
            food chain | a single path of energy from one organism to the next
            food web | many overlapping food chains in an ecosystem
            habitat | the place where an organism lives
            niche | the role an organism plays in its ecosystem
            population | all members of one species in an area
            community | all the populations living in an area
            biome | a large region with a distinct climate and organisms
            symbiosis | a close relationship between two species
            predator | an animal that hunts other animals
            carrying capacity | the largest population an environment can support
            """,
            """
            Human body systems
            circulatory system | heart, blood and vessels that carry oxygen and nutrients
            respiratory system | lungs and airways that exchange oxygen and carbon dioxide
            digestive system | breaks food down into nutrients the body can absorb
            nervous system | brain, spinal cord and nerves that send signals
            skeletal system | bones that support and protect the body
            muscular system | muscles that move the body
            immune system | defends the body against pathogens
            endocrine system | glands that release hormones
            homeostasis | keeping a stable internal environment
            neuron | a nerve cell
            alveoli | tiny air sacs in the lungs where gas exchange occurs
            hormone | chemical messenger carried in the blood
            """,
            """
            Atoms and the periodic table
            atom | the smallest unit of an element
            proton | positively charged particle in the nucleus
            neutron | neutral particle in the nucleus
            electron | negatively charged particle outside the nucleus
            atomic number | the number of protons in an atom
            mass number | the number of protons plus neutrons
            isotope | atoms of an element with different numbers of neutrons
            element | a pure substance made of one kind of atom
            periodic table | chart of the elements arranged by atomic number
            group | a vertical column of the periodic table
            period | a horizontal row of the periodic table
            valence electrons | electrons in the outermost shell
            ion | an atom that has gained or lost electrons
            noble gases | unreactive elements in group 18
            """,
            """
            Chemical reactions
            chemical reaction | process that rearranges atoms to form new substances
            reactant | a starting substance in a reaction
            product | a substance formed in a reaction
            catalyst | speeds up a reaction without being used up
            exothermic | releases energy, usually as heat
            endothermic | absorbs energy
            conservation of mass | mass is neither created nor destroyed in a reaction
            covalent bond | a bond formed by sharing electrons
            ionic bond | a bond formed by transferring electrons
            acid | substance with pH below 7 that releases H+ ions
            base | substance with pH above 7
            pH scale | measures how acidic or basic a solution is, from 0 to 14
            compound | two or more elements chemically combined
            molecule | two or more atoms bonded together
            """,
            """
            Forces and motion
            force | a push or a pull
            speed | distance traveled per unit of time
            velocity | speed in a given direction
            acceleration | the rate at which velocity changes
            inertia | resistance of an object to a change in motion
            Newton's first law | an object stays at rest or in motion unless acted on by a force
            Newton's second law | force equals mass times acceleration (F = ma)
            Newton's third law | for every action there is an equal and opposite reaction
            friction | force that opposes motion between surfaces
            gravity | force of attraction between masses
            mass | the amount of matter in an object
            weight | the force of gravity on an object
            momentum | mass times velocity
            net force | the overall force on an object
            """,
            """
            Energy and waves
            kinetic energy | energy of motion
            potential energy | stored energy due to position or shape
            conservation of energy | energy cannot be created or destroyed, only transformed
            work | force applied over a distance
            power | the rate of doing work
            joule | the SI unit of energy
            thermal energy | energy of the moving particles in matter
            conduction | heat transfer by direct contact
            convection | heat transfer by moving fluids
            radiation | energy transfer by electromagnetic waves
            wave | a disturbance that transfers energy
            frequency | the number of waves per second
            wavelength | the distance between two crests
            amplitude | the height of a wave
            """,
            """
            Earth science
            igneous rock | rock formed when magma or lava cools
            sedimentary rock | rock formed from compacted layers of sediment
            metamorphic rock | rock changed by heat and pressure
            rock cycle | the processes that change rocks from one type to another
            plate tectonics | theory that Earth's crust is made of moving plates
            erosion | movement of rock and soil by wind, water or ice
            weathering | breaking down of rocks at Earth's surface
            mineral | a naturally occurring inorganic solid with a crystal structure
            earthquake | shaking caused by movement along a fault
            volcano | opening where magma reaches the surface
            crust | Earth's thin outer layer
            mantle | the thick layer between the crust and the core
            core | Earth's iron and nickel center
            """,
            """
            Astronomy
            solar system | the Sun and everything that orbits it
            galaxy | a huge system of stars, gas and dust
            light-year | the distance light travels in one year
            orbit | the path of one object around another
            planet | a large body that orbits a star
            star | a ball of hot gas that produces light by fusion
            moon phases | the changing shapes of the lit Moon seen from Earth
            eclipse | one body blocking the light to or from another
            comet | a ball of ice and dust with a tail
            asteroid | a rocky object orbiting the Sun
            Big Bang | theory that the universe began expanding from a single point
            constellation | a pattern of stars in the sky
            supernova | the explosion of a massive star
            """,
        ],
        tracks: [
            Track(["Biology", "Honors Biology", "Bio 1"], topics: [0, 1, 2, 3, 4, 5, 6], ages: 14...16),
            Track(["AP Biology", "BIO 101"], topics: [1, 2, 3, 4, 5, 6], ages: 16...20),
            Track(["Chemistry", "Honors Chemistry"], topics: [0, 7, 8], ages: 15...17),
            Track(["Physics", "Physical Science"], topics: [0, 9, 10], ages: 14...17),
            Track(["Earth and Space Science", "Earth Science"], topics: [0, 11, 12], ages: 13...15),
            Track(["General Science", "Science 8"], topics: [0, 1, 5, 7, 9, 10, 11, 12], ages: 13...14),
        ]
    )

    static let formalSciences = SubjectContent(
        subject: .formalSciences,
        topics: [
            """
            Numbers and operations
            integer | a whole number or its opposite
            rational number | a number that can be written as a fraction of integers
            irrational number | a number that cannot be written as a fraction, such as pi
            prime number | a number with exactly two factors, 1 and itself
            composite number | a number with more than two factors
            factor | a number that divides another evenly
            multiple | the product of a number and an integer
            greatest common factor | the largest factor two numbers share
            least common multiple | the smallest multiple two numbers share
            absolute value | the distance of a number from zero
            exponent | tells how many times to multiply the base by itself
            square root | a number that multiplied by itself gives the original number
            """,
            """
            Algebra basics
            variable | a letter that stands for an unknown value
            coefficient | the number multiplied by a variable
            constant | a term without a variable
            expression | numbers, variables and operations without an equals sign
            equation | a statement that two expressions are equal
            inequality | a statement comparing two expressions with <, >, ≤ or ≥
            like terms | terms with the same variables raised to the same powers
            distributive property | a(b + c) = ab + ac
            slope | rise over run; the steepness of a line
            y-intercept | where a line crosses the y-axis
            slope-intercept form | y = mx + b
            system of equations | two or more equations with the same variables
            polynomial | a sum of terms with whole-number exponents
            quadratic equation | an equation of the form ax² + bx + c = 0
            """,
            """
            Functions
            function | a relation where each input has exactly one output
            domain | the set of all possible inputs
            range | the set of all possible outputs
            linear function | a function whose graph is a straight line
            quadratic function | a function whose graph is a parabola
            exponential function | f(x) = a·bˣ
            inverse function | a function that undoes another function
            parabola | the U-shaped graph of a quadratic function
            vertex | the highest or lowest point of a parabola
            asymptote | a line a graph approaches but never reaches
            zero of a function | an input where the output is zero
            vertical line test | a graph is a function if no vertical line crosses it twice
            """,
            """
            Geometry
            point | an exact location with no size
            ray | part of a line with one endpoint
            line segment | part of a line with two endpoints
            acute angle | an angle less than 90°
            right angle | an angle of exactly 90°
            obtuse angle | an angle between 90° and 180°
            perimeter | the distance around a figure
            area | the space inside a two-dimensional figure
            volume | the space inside a three-dimensional figure
            Pythagorean theorem | a² + b² = c² in a right triangle
            congruent | having the same size and shape
            similar | having the same shape but not necessarily the same size
            circumference | the distance around a circle, 2πr
            supplementary angles | two angles that add up to 180°
            """,
            """
            Trigonometry
            sine | opposite over hypotenuse
            cosine | adjacent over hypotenuse
            tangent | opposite over adjacent
            hypotenuse | the side opposite the right angle
            SOH CAH TOA | memory aid for the three trigonometric ratios
            radian | the angle made by an arc equal in length to the radius
            unit circle | a circle of radius 1 centered at the origin
            amplitude | half the distance between a wave's maximum and minimum
            period | the length of one full cycle of a periodic function
            law of sines | a/sin A = b/sin B = c/sin C
            law of cosines | c² = a² + b² − 2ab·cos C
            reference angle | the acute angle a terminal side makes with the x-axis
            """,
            """
            Probability
            probability | a number from 0 to 1 giving how likely an event is
            outcome | one possible result of an experiment
            sample space | the set of all possible outcomes
            independent events | events where one does not affect the other
            dependent events | events where one affects the other
            complement | all outcomes not in the event
            permutation | an arrangement in which order matters
            combination | a selection in which order does not matter
            expected value | the long-run average of a random variable
            odds | ratio of favorable to unfavorable outcomes
            experimental probability | probability based on repeated trials
            theoretical probability | probability based on equally likely outcomes
            """,
            """
            Statistics
            mean | the sum of the values divided by how many there are
            median | the middle value of ordered data
            mode | the most frequent value
            range | the difference between the largest and smallest values
            standard deviation | a measure of how spread out values are from the mean
            outlier | a value far from the rest of the data
            normal distribution | symmetric bell-shaped distribution
            sample | a part of a population used to draw conclusions
            population | the entire group being studied
            correlation | a relationship between two variables
            histogram | a bar graph of frequencies over intervals
            box plot | a graph showing the five-number summary
            z-score | how many standard deviations a value is from the mean
            """,
            """
            Logic and sets
            proposition | a statement that is either true or false
            conjunction | a compound statement using "and"
            disjunction | a compound statement using "or"
            negation | the opposite of a statement
            conditional statement | an if-then statement
            converse | switches the hypothesis and conclusion of a conditional
            contrapositive | negates and switches the hypothesis and conclusion
            tautology | a statement that is always true
            set | a collection of distinct objects
            subset | a set whose elements all belong to another set
            union | all elements in either set
            intersection | the elements common to both sets
            empty set | the set with no elements
            """,
            """
            Calculus
            limit | the value a function approaches as the input approaches a point
            derivative | the instantaneous rate of change of a function
            integral | the accumulated area under a curve
            continuity | a function with no breaks, jumps or holes
            chain rule | derivative of f(g(x)) is f'(g(x))·g'(x)
            product rule | (fg)' = f'g + fg'
            antiderivative | a function whose derivative is the given function
            definite integral | the signed area under a curve between two bounds
            fundamental theorem of calculus | links derivatives and integrals
            critical point | where the derivative is zero or undefined
            inflection point | where concavity changes
            related rates | problems about quantities changing together over time
            """,
            """
            Computer science principles
            algorithm | a step-by-step procedure for solving a problem
            variable | a named storage location for a value
            loop | repeats a block of code
            conditional | runs code only if a condition is true
            function | a named, reusable block of code
            array | an ordered collection of values
            recursion | a function that calls itself
            Boolean | a value that is either true or false
            binary | the base-2 number system
            compiler | translates source code into machine code
            debugging | finding and fixing errors in code
            big O notation | describes how running time grows with input size
            abstraction | hiding details to manage complexity
            """,
        ],
        tracks: [
            Track(["Algebra 1", "Math 8", "Pre-Algebra"], topics: [0, 1, 2, 3], ages: 13...15),
            Track(["Geometry", "Honors Geometry"], topics: [3, 4, 5], ages: 14...16),
            Track(["Algebra 2", "Precalculus"], topics: [1, 2, 4, 8], ages: 15...17),
            Track(["AP Statistics", "STAT 101", "Intro to Statistics"], topics: [5, 6], ages: 16...21),
            Track(["AP Calculus AB", "Calc 1", "MATH 151"], topics: [2, 4, 8], ages: 16...20),
            Track(["Discrete Math", "CS 101", "AP Computer Science Principles"], topics: [7, 9, 5], ages: 16...22),
        ]
    )

    static let appliedSciences = SubjectContent(
        subject: .appliedSciences,
        topics: [
            """
            Medical terminology: roots
            cardi/o | heart
            gastr/o | stomach
            hepat/o | liver
            nephr/o | kidney
            neur/o | nerve
            oste/o | bone
            derm/o | skin
            hemat/o | blood
            pulmon/o | lung
            arthr/o | joint
            my/o | muscle
            encephal/o | brain
            rhin/o | nose
            ophthalm/o | eye
            """,
            """
            Medical terminology: prefixes and suffixes
            -itis | inflammation
            -ectomy | surgical removal
            -ology | study of
            -algia | pain
            -emia | blood condition
            -otomy | cutting into
            -scopy | visual examination
            -plasty | surgical repair
            -megaly | enlargement
            brady- | slow
            tachy- | fast
            hyper- | above, excessive
            hypo- | below, deficient
            peri- | around
            """,
            """
            Vital signs and patient care
            vital signs | temperature, pulse, respiration and blood pressure
            blood pressure | force of blood against artery walls, e.g. 120/80 mmHg
            pulse | the number of heartbeats per minute
            respiratory rate | breaths per minute, normally 12 to 20 in adults
            oxygen saturation | percentage of hemoglobin carrying oxygen
            tachycardia | heart rate above 100 beats per minute
            bradycardia | heart rate below 60 beats per minute
            hypertension | high blood pressure
            hypotension | low blood pressure
            triage | sorting patients by urgency
            asepsis | absence of disease-causing microorganisms
            HIPAA | US law protecting patient health information
            """,
            """
            Nutrition
            calorie | a unit of energy in food
            carbohydrate | the body's main source of energy
            protein | nutrient made of amino acids that builds and repairs tissue
            lipid | fat; stores energy and insulates the body
            fiber | indigestible plant material that aids digestion
            vitamin | organic nutrient needed in small amounts
            mineral | inorganic nutrient such as calcium or iron
            metabolism | all chemical processes that keep the body alive
            BMI | body mass index, weight in kg divided by height in m squared
            saturated fat | fat that is solid at room temperature
            amino acids | the building blocks of proteins
            hydration | having enough water in the body
            """,
            """
            Electrical circuits
            voltage | electrical potential difference, measured in volts
            current | the flow of electric charge, measured in amperes
            resistance | opposition to current, measured in ohms
            Ohm's law | V = I × R
            series circuit | a circuit with one path for current
            parallel circuit | a circuit with several paths for current
            conductor | a material that lets current flow easily
            insulator | a material that resists current
            capacitor | stores electric charge
            short circuit | an unintended low-resistance path
            electrical power | P = V × I, measured in watts
            ground | a reference point of zero voltage
            """,
            """
            Engineering design
            engineering design process | define, research, ideate, prototype, test, improve
            prototype | an early working model of a design
            constraint | a limit on a design, such as cost or size
            criteria | the requirements a design must meet
            tolerance | allowed variation in a dimension
            load | a force a structure must carry
            stress | internal force per unit area
            strain | deformation divided by original length
            tension | a pulling force
            compression | a pushing force
            CAD | computer-aided design
            iteration | repeating the design cycle to improve a solution
            """,
            """
            Computer networking
            IP address | a numeric label identifying a device on a network
            router | forwards packets between networks
            switch | connects devices within a local network
            LAN | local area network
            WAN | wide area network
            bandwidth | the maximum data rate of a connection
            latency | the delay before data arrives
            DNS | translates domain names into IP addresses
            TCP | protocol that provides reliable, ordered delivery
            packet | a small unit of data sent over a network
            firewall | filters network traffic by rules
            HTTP | the protocol of the web
            """,
            """
            Culinary arts
            mise en place | having all ingredients prepared before cooking
            sauté | cook quickly in a little fat over high heat
            braise | brown, then cook slowly in a little liquid
            julienne | cut into thin matchstick strips
            roux | equal parts flour and fat cooked together to thicken sauces
            blanch | briefly boil, then plunge into ice water
            emulsion | a mixture of two liquids that normally do not mix
            al dente | cooked until firm to the bite
            deglaze | dissolve browned bits in a pan with liquid
            simmer | cook just below the boiling point
            cross-contamination | transfer of bacteria from one food to another
            danger zone | 40–140 °F, where bacteria grow fastest
            """,
        ],
        tracks: [
            Track(["Medical Terminology", "Health Science 1", "HSC 120"], topics: [0, 1, 2], ages: 16...24),
            Track(["Nursing Fundamentals", "CNA Training"], topics: [2, 3, 0], ages: 18...30),
            Track(["Intro to Engineering", "Principles of Engineering"], topics: [5, 4], ages: 15...19),
            Track(["IT Essentials", "Networking Fundamentals"], topics: [6, 4], ages: 16...25),
            Track(["Culinary Arts 1", "Foods and Nutrition"], topics: [7, 3], ages: 14...18),
        ]
    )
}
