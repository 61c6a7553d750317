/// English word study: SAT-style vocabulary units and the terms of a reading class.
extension SubjectContent {
    static let vocabulary = SubjectContent(
        subject: .vocabulary,
        topics: [
            """
            Words about speaking
            loquacious | very talkative
            taciturn | saying little; reserved
            eloquent | fluent and persuasive in speaking
            verbose | using more words than needed
            succinct | brief and clear
            laconic | using very few words
            articulate | able to express ideas clearly
            garrulous | talking too much about trivial things
            reticent | unwilling to share thoughts or feelings
            vociferous | loud and forceful
            bombastic | pompous and inflated in speech
            candid | honest and direct
            """,
            """
            Character traits
            benevolent | kind and generous
            malevolent | wishing harm to others
            altruistic | selflessly concerned for others
            arrogant | having an exaggerated sense of one's importance
            humble | modest; not proud
            diligent | hardworking and careful
            meticulous | showing great attention to detail
            gregarious | sociable; fond of company
            obstinate | stubborn
            resilient | able to recover quickly from difficulty
            pragmatic | practical and realistic
            timid | shy and easily frightened
            """,
            """
            Time and change
            ephemeral | lasting a very short time
            transient | temporary; passing
            perpetual | never ending
            incessant | continuing without pause
            obsolete | no longer in use
            archaic | very old or old-fashioned
            nascent | just beginning to develop
            dormant | temporarily inactive
            fluctuate | to rise and fall irregularly
            mutable | able to change
            contemporary | belonging to the same time
            antiquated | outdated
            """,
            """
            Size and amount
            abundant | existing in large quantities
            meager | lacking in quantity or quality
            ample | enough or more than enough
            copious | plentiful
            scant | barely sufficient
            paltry | small or meaningless
            myriad | countless
            colossal | extremely large
            minuscule | extremely small
            prodigious | remarkably great in size or degree
            sparse | thinly scattered
            plethora | an excess
            """,
            """
            Good and bad
            benign | gentle; not harmful
            detrimental | causing harm
            beneficial | favorable or advantageous
            pernicious | harmful in a gradual or subtle way
            exemplary | serving as a model
            deplorable | deserving strong condemnation
            innocuous | harmless
            noxious | poisonous or harmful
            auspicious | promising success
            ominous | threatening; suggesting something bad
            salutary | producing good effects
            nefarious | wicked or criminal
            """,
            """
            Thinking and knowing
            cognizant | aware
            erudite | having great knowledge from study
            naive | lacking experience or judgment
            astute | sharp and shrewd
            ponder | to think about carefully
            deduce | to reach a conclusion by reasoning
            infer | to conclude from evidence
            skeptical | doubtful
            pedantic | overly concerned with small details or rules
            esoteric | understood by only a few
            discern | to perceive or recognize
            empirical | based on observation or experiment
            """,
            """
            Conflict and power
            belligerent | hostile and aggressive
            conciliatory | intended to make peace
            hegemony | dominance of one group over others
            coerce | to force by threats
            capitulate | to surrender
            subjugate | to bring under control
            defiant | boldly resisting
            adversary | an opponent
            placate | to calm or soothe
            truce | an agreement to stop fighting
            usurp | to take power illegally
            vanquish | to defeat thoroughly
            """,
            """
            Emotions
            melancholy | deep, lasting sadness
            elated | extremely happy
            apathetic | showing no interest or emotion
            ambivalent | having mixed feelings
            indignant | angry at unfair treatment
            serene | calm and peaceful
            despondent | hopeless and dejected
            euphoric | intensely happy
            wistful | longing with a touch of sadness
            exasperated | intensely irritated
            jubilant | joyful and triumphant
            morose | gloomy and sullen
            """,
            """
            Truth and deception
            candor | openness and honesty
            veracity | truthfulness
            duplicity | deceitfulness
            fallacious | based on a mistaken belief
            spurious | false or fake
            authentic | genuine
            feign | to pretend
            dubious | doubtful; questionable
            credible | believable
            guile | sly or cunning intelligence
            disingenuous | not sincere
            corroborate | to confirm with evidence
            """,
            """
            Greek and Latin roots
            bene | good, well (benefit, benevolent)
            mal | bad (malfunction, malice)
            chron | time (chronology, chronic)
            graph | write (autograph, biography)
            bio | life (biology, biome)
            dict | say (dictate, predict)
            port | carry (transport, portable)
            spect | look (inspect, spectator)
            tele | far (telephone, telescope)
            aud | hear (audience, audible)
            vis | see (vision, visible)
            scrib | write (scribble, describe)
            """,
        ],
        tracks: [
            Track(["SAT Vocabulary", "SAT Prep"], topics: [0, 1, 2, 3, 4, 5, 6, 7, 8], ages: 15...18),
            Track(["Vocabulary Workshop Level E", "Wordly Wise 8"], topics: [9, 0, 1, 3, 4, 7], ages: 13...15),
            Track(["GRE Verbal", "GRE Prep"], topics: [2, 4, 5, 6, 8], ages: 21...30),
        ]
    )

    static let readingVocabulary = SubjectContent(
        subject: .readingVocabulary,
        topics: [
            """
            Elements of a story
            plot | the sequence of events in a story
            setting | the time and place of a story
            character | a person or animal in a story
            conflict | the struggle between opposing forces
            theme | the central message about life
            exposition | introduces characters and setting
            rising action | events that build tension
            climax | the turning point of the story
            falling action | events after the climax
            resolution | how the conflict is settled
            protagonist | the main character
            antagonist | the character or force opposing the protagonist
            mood | the feeling a text creates in the reader
            tone | the author's attitude toward the subject
            """,
            """
            Figurative language
            simile | comparison using "like" or "as"
            metaphor | comparison without "like" or "as"
            personification | giving human qualities to nonhuman things
            hyperbole | extreme exaggeration
            onomatopoeia | a word that imitates a sound
            alliteration | repetition of initial consonant sounds
            idiom | an expression whose meaning differs from its words
            imagery | language that appeals to the senses
            symbolism | an object standing for a larger idea
            irony | a contrast between expectation and reality
            oxymoron | two contradictory words together
            allusion | a reference to a well-known person, place or work
            """,
            """
            Narration and point of view
            first person | narrator is a character using "I"
            second person | narration addressed to "you"
            third person limited | narrator knows one character's thoughts
            third person omniscient | narrator knows every character's thoughts
            narrator | the voice telling the story
            unreliable narrator | a narrator whose account cannot be trusted
            flashback | a scene from an earlier time
            foreshadowing | hints about what will happen later
            dialogue | conversation between characters
            direct characterization | the author states a character's traits
            indirect characterization | traits revealed through actions and speech
            dynamic character | a character who changes
            static character | a character who stays the same
            """,
            """
            Poetry
            stanza | a group of lines in a poem
            rhyme scheme | the pattern of rhymes at line ends
            meter | the rhythmic pattern of stressed and unstressed syllables
            iambic pentameter | five pairs of unstressed and stressed syllables
            free verse | poetry without regular rhyme or meter
            sonnet | 14-line poem
            haiku | three-line poem of 5, 7 and 5 syllables
            couplet | two rhyming lines
            quatrain | four-line stanza
            refrain | a repeated line or phrase
            enjambment | a sentence running over a line break
            assonance | repetition of vowel sounds
            """,
            """
            Reading comprehension skills
            main idea | the most important point of a text
            supporting details | facts and examples that explain the main idea
            inference | a conclusion based on evidence and reasoning
            summarize | state the main points briefly
            context clues | hints in the text about a word's meaning
            text evidence | quotations that support an answer
            author's purpose | to persuade, inform or entertain
            compare and contrast | show similarities and differences
            cause and effect | why something happens and what results
            fact | a statement that can be proved
            opinion | a statement of belief or feeling
            prediction | a guess about what will happen next
            """,
            """
            Genres
            fiction | writing about imaginary events
            nonfiction | writing about real events and facts
            biography | the story of a person's life written by someone else
            autobiography | the story of a person's life written by that person
            memoir | an account of part of the writer's own life
            fable | a short story with a moral, often with animals
            myth | a traditional story explaining natural events
            legend | a story about a hero, partly based on fact
            fantasy | fiction with magic or supernatural elements
            science fiction | fiction based on imagined science and technology
            historical fiction | fiction set in a real past time
            mystery | a story about solving a crime or puzzle
            """,
            """
            Argument and informational text
            claim | the writer's main argument
            counterclaim | the opposing argument
            evidence | facts, statistics and examples supporting a claim
            reasoning | explanation of how evidence supports the claim
            bias | a one-sided point of view
            propaganda | information used to promote a cause
            primary source | a first-hand account
            secondary source | an account by someone who was not there
            rhetorical question | a question asked for effect
            thesis | the central claim of an essay
            credibility | how trustworthy a source is
            loaded language | words with strong emotional associations
            """,
        ],
        tracks: [
            Track(["ELA 7", "Reading 6", "English 8"], topics: [0, 4, 1, 5, 2], ages: 13...14),
            Track(["English 9", "English 10 Honors"], topics: [0, 1, 2, 3, 6], ages: 14...16),
            Track(["AP Literature", "AP Language"], topics: [1, 2, 3, 6], ages: 16...18),
        ]
    )
}
