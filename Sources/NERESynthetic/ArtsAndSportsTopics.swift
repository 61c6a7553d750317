/// Visual arts, performing arts and sports.
extension SubjectContent {
    static let visualArts = SubjectContent(
        subject: .visualArts,
        topics: [
            """
            Elements of art
            line | a mark with length and direction
            shape | a flat, enclosed area with two dimensions
            form | a three-dimensional object with height, width and depth
            space | the area around, between and within objects
            color | light reflected off objects; has hue, value and intensity
            value | the lightness or darkness of a color
            texture | how something feels or looks like it feels
            positive space | the area occupied by the subject
            negative space | the empty area around the subject
            organic shape | irregular shape found in nature
            geometric shape | shape based on mathematical forms
            implied line | a line suggested rather than drawn
            """,
            """
            Principles of design
            balance | the distribution of visual weight
            contrast | the difference between elements, such as light and dark
            emphasis | the area that draws the eye first
            movement | the path the viewer's eye follows
            pattern | a repeated element
            rhythm | a sense of movement created by repetition
            unity | the sense that all parts belong together
            variety | the use of differences to add interest
            proportion | the size of parts in relation to each other
            symmetry | both sides mirror each other
            asymmetry | balance with unequal sides
            focal point | the center of interest in an artwork
            """,
            """
            Color theory
            primary colors | red, yellow and blue
            secondary colors | orange, green and violet
            tertiary colors | a primary mixed with a neighboring secondary
            complementary colors | colors opposite each other on the color wheel
            analogous colors | colors next to each other on the color wheel
            warm colors | reds, oranges and yellows
            cool colors | blues, greens and violets
            hue | the name of a color
            tint | a color mixed with white
            shade | a color mixed with black
            tone | a color mixed with gray
            monochromatic | using tints and shades of one hue
            color wheel | circle showing relationships between colors
            """,
            """
            Drawing techniques
            contour drawing | drawing the outline and edges of a subject
            blind contour | contour drawing without looking at the paper
            gesture drawing | quick drawing that captures movement
            hatching | parallel lines used to create value
            cross-hatching | crossing sets of lines to build up value
            stippling | using dots to create value
            blending | smoothly transitioning between values
            vanishing point | the point where parallel lines seem to meet
            one-point perspective | drawing with a single vanishing point
            horizon line | the viewer's eye level in a drawing
            foreshortening | shortening objects to show depth
            value scale | a range of values from light to dark
            """,
            """
            Painting media
            acrylic | fast-drying water-based paint
            watercolor | transparent paint thinned with water
            oil paint | slow-drying paint made with linseed oil
            gouache | opaque watercolor
            tempera | paint made with egg yolk
            fresco | painting on wet plaster
            impasto | paint applied thickly so brushstrokes show
            glaze | a thin transparent layer of paint
            palette knife | flat blade used to mix or apply paint
            wash | a thin, even layer of diluted paint
            canvas | heavy fabric stretched on a frame
            medium | the material an artist uses
            """,
            """
            Art movements
            Renaissance | 1400–1600; realism, perspective and classical themes
            Baroque | 1600s; drama, movement and strong light and dark
            Romanticism | emotion, nature and the sublime
            Realism | everyday life shown truthfully
            Impressionism | light and color captured with quick brushstrokes
            Post-Impressionism | bolder color and form after Impressionism
            Fauvism | wild, unnatural color
            Cubism | subjects broken into geometric shapes from several viewpoints
            Dada | anti-art movement reacting to World War I
            Surrealism | dreamlike images from the unconscious mind
            Abstract Expressionism | large gestural abstract painting
            Pop Art | imagery from advertising and popular culture
            """,
            """
            Famous artists
            Leonardo da Vinci | painted the Mona Lisa and The Last Supper
            Michelangelo | painted the Sistine Chapel ceiling
            Rembrandt | Dutch master of light, painted The Night Watch
            Claude Monet | Impressionist who painted water lilies
            Vincent van Gogh | painted The Starry Night
            Pablo Picasso | co-founder of Cubism, painted Guernica
            Henri Matisse | leader of Fauvism
            Salvador Dalí | Surrealist, painted The Persistence of Memory
            Frida Kahlo | Mexican painter known for self-portraits
            Georgia O'Keeffe | painted large flowers and desert landscapes
            Jackson Pollock | drip painter of Abstract Expressionism
            Andy Warhol | Pop artist known for Campbell's Soup Cans
            """,
            """
            Sculpture and photography
            relief | sculpture that projects from a flat background
            in the round | sculpture viewed from all sides
            armature | internal framework that supports a sculpture
            additive sculpture | built up by adding material
            subtractive sculpture | made by carving material away
            casting | pouring liquid material into a mold
            aperture | the opening in a lens that lets in light
            shutter speed | how long the shutter stays open
            ISO | the camera's sensitivity to light
            depth of field | the range of distance that appears sharp
            rule of thirds | placing the subject along lines that divide the frame in thirds
            exposure | the amount of light that reaches the sensor
            """,
        ],
        tracks: [
            Track(["Art 1", "Intro to Art", "Studio Art"], topics: [0, 1, 2, 3, 4], ages: 13...16),
            Track(["Art History", "AP Art History"], topics: [5, 6, 0, 1], ages: 16...21),
            Track(["Photography 1", "3D Art"], topics: [0, 1, 7], ages: 15...18),
        ]
    )

    static let performingArts = SubjectContent(
        subject: .performingArts,
        topics: [
            """
            Music notation
            staff | five lines and four spaces on which notes are written
            treble clef | clef for higher notes; also called the G clef
            bass clef | clef for lower notes; also called the F clef
            whole note | four beats in 4/4 time
            half note | two beats in 4/4 time
            quarter note | one beat in 4/4 time
            eighth note | half a beat in 4/4 time
            rest | a symbol for silence
            time signature | shows beats per measure and which note gets one beat
            measure | the space between two bar lines
            key signature | sharps or flats at the start of the staff
            sharp | raises a note by a half step
            flat | lowers a note by a half step
            natural | cancels a sharp or flat
            """,
            """
            Tempo and dynamics
            largo | very slow and broad
            adagio | slow
            andante | at a walking pace
            moderato | at a moderate speed
            allegro | fast and lively
            presto | very fast
            ritardando | gradually slowing down
            piano | soft
            pianissimo | very soft
            mezzo forte | moderately loud
            forte | loud
            fortissimo | very loud
            crescendo | gradually getting louder
            decrescendo | gradually getting softer
            """,
            """
            Instruments of the orchestra
            violin | highest-pitched string instrument
            viola | string instrument slightly larger and lower than the violin
            cello | large string instrument played seated
            double bass | lowest string instrument
            flute | woodwind played by blowing across a hole
            oboe | double-reed woodwind
            clarinet | single-reed woodwind
            bassoon | low double-reed woodwind
            trumpet | highest brass instrument
            French horn | brass instrument with coiled tubing
            trombone | brass instrument with a slide
            tuba | lowest brass instrument
            timpani | large kettle drums
            harp | plucked string instrument with 47 strings
            """,
            """
            Theater terms
            upstage | the part of the stage farthest from the audience
            downstage | the part of the stage closest to the audience
            stage left | the actor's left when facing the audience
            stage right | the actor's right when facing the audience
            proscenium | the arch framing the stage
            wings | offstage areas at the sides of the stage
            blocking | planned movement of actors on stage
            cue | signal for an actor or technician to act
            monologue | a long speech by one character
            soliloquy | a character speaking their thoughts alone on stage
            aside | a remark to the audience that other characters cannot hear
            props | objects actors handle on stage
            """,
            """
            Acting and drama
            improvisation | acting without a script
            objective | what a character wants in a scene
            subtext | meaning beneath the spoken lines
            tableau | a frozen stage picture
            ensemble | a group of actors working together
            pantomime | acting without words
            projection | speaking loudly enough to be heard
            diction | clear pronunciation of words
            audition | a tryout for a role
            callback | a second audition
            stage directions | instructions in a script for movement and setting
            character arc | how a character changes over a story
            """,
            """
            Dance
            choreography | the art of composing dances
            choreographer | a person who creates dances
            ballet | classical dance with precise, formal steps
            plié | bending the knees
            relevé | rising onto the balls of the feet
            pirouette | a turn on one leg
            jeté | a leap from one foot to the other
            arabesque | standing on one leg with the other extended behind
            modern dance | dance that rejects ballet's strict rules
            tap dance | dance with metal plates on the shoes
            hip-hop | street dance style from urban culture
            eight count | counting music in groups of eight beats
            """,
            """
            Film
            shot | continuous footage from one camera take
            close-up | a shot that shows a face or detail
            long shot | a shot that shows the full subject and surroundings
            pan | horizontal camera movement
            tilt | vertical camera movement
            montage | a sequence of short shots showing time passing
            storyboard | drawings planning each shot
            screenplay | the script of a film
            director | the person who guides the film's creative vision
            cinematography | the art of camera work and lighting
            editing | selecting and joining shots
            diegetic sound | sound that exists in the world of the film
            """,
        ],
        tracks: [
            Track(["Music Theory", "Band", "Orchestra"], topics: [0, 1, 2], ages: 13...18),
            Track(["Theater Arts", "Drama 1"], topics: [3, 4, 6], ages: 14...18),
            Track(["Dance 1", "Intro to Dance"], topics: [5, 0, 1], ages: 13...18),
        ]
    )

    static let sports = SubjectContent(
        subject: .sports,
        topics: [
            """
            Soccer
            offside | being nearer the goal line than the ball and second-last defender when it is played
            penalty kick | free shot from the penalty spot after a foul in the box
            corner kick | restart from the corner after the defense puts the ball over its goal line
            goal kick | restart by the defense after the attack puts the ball over the goal line
            throw-in | restart when the ball crosses the touchline
            yellow card | caution for misconduct
            red card | sending-off; the player must leave the game
            goalkeeper | only player allowed to handle the ball in the penalty area
            midfielder | player who links defense and attack
            striker | main goal-scoring forward
            free kick | unopposed kick awarded after a foul
            header | striking the ball with the head
            """,
            """
            Basketball
            dribble | bouncing the ball while moving
            rebound | gaining possession after a missed shot
            assist | a pass that leads directly to a basket
            free throw | unguarded shot from the foul line worth one point
            three-pointer | a shot made from beyond the arc
            layup | a short shot off the backboard near the basket
            traveling | moving with the ball without dribbling
            double dribble | dribbling with two hands or restarting a dribble
            personal foul | illegal physical contact
            point guard | player who runs the offense
            shot clock | time limit for a team to attempt a shot
            pick and roll | a screen followed by a cut to the basket
            """,
            """
            Volleyball
            serve | the hit that starts each rally
            bump | forearm pass
            set | overhead pass that places the ball for an attack
            spike | hard attacking hit over the net
            block | stopping an attack at the net
            dig | passing a hard-driven ball
            rotation | players move one position clockwise after winning the serve
            libero | defensive specialist in a different-colored jersey
            ace | a serve that scores directly
            side out | winning the serve back from the opponent
            rally scoring | a point is scored on every serve
            net violation | touching the net during play
            """,
            """
            Tennis
            love | zero points
            deuce | a tie at 40–40
            advantage | the point after deuce
            let | a serve that touches the net and lands in; replayed
            volley | hitting the ball before it bounces
            baseline | the back line of the court
            forehand | stroke on the dominant-hand side
            backhand | stroke on the non-dominant-hand side
            double fault | two missed serves in a row
            tiebreak | game played at 6–6 to decide a set
            Grand Slam | the four major tournaments
            lob | a high shot over the opponent
            """,
            """
            Baseball
            inning | a division of the game in which each team bats
            strike | a pitch swung at and missed or in the strike zone
            ball | a pitch outside the strike zone not swung at
            walk | four balls; the batter goes to first base
            home run | a hit that lets the batter round all the bases
            RBI | run batted in
            shortstop | infielder between second and third base
            pitcher | player who throws to the batter
            catcher | player behind home plate
            bunt | a soft tap of the ball without a full swing
            double play | two outs on one play
            stolen base | advancing a base during a pitch
            """,
            """
            Fitness and training
            cardiovascular endurance | the heart and lungs' ability to supply oxygen during exercise
            muscular strength | the most force a muscle can exert once
            muscular endurance | a muscle's ability to repeat a movement
            flexibility | range of motion around a joint
            body composition | proportion of fat to lean mass
            FITT principle | frequency, intensity, time and type
            target heart rate | heart rate range for effective aerobic exercise
            warm-up | light activity that prepares the body
            cool-down | light activity that helps the body recover
            overload principle | working harder than normal to improve
            repetitions | the number of times an exercise is done
            resting heart rate | heartbeats per minute at rest
            """,
            """
            The Olympic Games
            Olympic Games | international multi-sport event held every four years
            Pierre de Coubertin | founder of the modern Olympics
            Olympic rings | five rings for the five inhabited continents
            Paralympic Games | Games for athletes with disabilities
            decathlon | ten-event track and field contest
            marathon | race of 42.195 km
            Jesse Owens | won four gold medals at the 1936 Berlin Games
            Olympic motto | "Faster, Higher, Stronger – Together"
            torch relay | carrying the Olympic flame to the host city
            IOC | International Olympic Committee
            Winter Olympics | Games for snow and ice sports
            Athens 1896 | the first modern Olympic Games
            """,
        ],
        tracks: [
            Track(["PE 9", "Physical Education", "Team Sports"], topics: [5, 0, 1, 2], ages: 13...16),
            Track(["Sports Officiating", "Coaching 101"], topics: [0, 1, 3, 4], ages: 16...30),
            Track(["Sports History", "Health and Fitness"], topics: [6, 5], ages: 14...18),
        ]
    )
}
