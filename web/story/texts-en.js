// The story page in English: its argument, the figures' captions and the questions' words
// (their moments and answers are in chapters.js). Written fresh, after the seed's argument.
export default {
  title: 'Why Paxos has two phases: the story, live',
  lead: 'A retelling of the blog post this playground grew from. It builds Paxos up from simpler protocols that fail, and every figure is the playground itself, stopped at the moment the text is about.',
  ui: {
    skip: 'Skip to the story',
    nav: 'Story',
    languageSwitch: '中文',
    languageSwitchName: 'Read in Chinese',
    playground: 'The playground',
    contents: 'Chapters',
    progressOverall: '{answered} of {total} questions answered, {right} right.',
    progressChapter: '{answered} of {total} answered, {right} right',
    // Answers from the address are checked when their figure loads (as it nears the screen).
    progressOverallPending: '{answered} of {total} questions answered, {right} right, {pending} not checked yet: each is checked when its figure loads.',
    progressChapterPending: '{answered} of {total} answered, {right} right, {pending} not checked yet',
    figureWaiting: 'The live figure loads as you scroll to it.',
    figureFailed: 'This figure could not be loaded ({reason}). The text still reads on; reloading the page may bring the figure back.',
    figureNoMoment: 'The run of this figure has no such moment, so it stays at its start.',
    held: 'Stopped at step {step}. Press play to go on, or step back.',
    figureLabel: 'Figure {n}',
    /** Between a figure's title and its caption. */
    titleEnd: '. ',
    questionLabel: 'Question {n}',
    askedAt: 'Asked at step {step}.',
    showMoment: 'Show this moment',
    check: 'Check with the core',
    choose: 'Choose an answer first.',
    checking: 'Asking the core…',
    waiting: 'The figure is still loading; the answer is checked as soon as it is here.',
    right: 'Right.',
    wrong: 'Not what the core does.',
    coreDid: 'In the core’s run: {answer}.',
    noOption: 'The core’s run did something none of these options say ({answer}).',
    evidence: 'The figure now shows step {step}, where it happens.',
    answersProblem: 'Some parts of this address could not be read, or answer a question twice, and were left out: {items}. Everything else is as it was.',
    answersMore: 'and {count} more',
    checkFailed: 'The answer could not be checked: {reason}.',
  },
  intro: [
    'Five servers, S1 to S5, must agree on one value, say the value of a key k. Any of them may propose a value; the protocol must make sure that, once a value is chosen, it is never replaced by another. In the words of the seed: once k is set to v by a proposal that passes, k stays v for ever.',
    'A value is chosen (确定) when a majority of the acceptors, a quorum, have accepted it. Any two majorities of five servers share at least one server, and every protocol below leans on that fact. Why, then, does Paxos need two rounds of messages, Prepare and Accept? The story tries one round first.',
    'How to read the figures: each is a space-time diagram, one lane per server, time going right, a message an arrow. The figure stops where the text needs it. Play on, step back, drag the scrubber, or open it in the full playground with the link under its title. The questions are answered from the core’s own record of the run, and the figure then jumps to the step where the answer shows.',
  ],
  chapters: {
    1: {
      heading: '§1 One phase: the first value wins',
      body: [
        'The simplest protocol: a proposer sends its value to every acceptor, and each acceptor keeps the first value that reaches it and refuses every later one. S1 proposes X. S2 and S3 take it, and with S1 itself that is three of five: X is chosen.',
        'Only then does S5 propose Y. S4 has heard nothing yet, so it takes Y, and S5 takes its own Y. But S1, S2 and S3 already hold X and refuse. Y can gather two acceptors at most; a second majority would need one of X’s three, and they do not change their minds. So when the proposals do not overlap in time, one phase is enough.',
      ],
      figures: [{ title: 'Seed §1 live: S1’s X reaches a majority before S5’s Y', caption: 'Held where X becomes chosen (S1, S2, S3).' }],
      questions: {
        a: {
          prompt: 'X is chosen. S5 is about to propose Y, and S4 will take it. Which value does the run end with as chosen?',
          options: { X: 'X stays chosen', Y: 'Y replaces X', none: 'Neither: the run ends undecided' },
          right: 'X keeps its majority. An acceptor in this protocol never gives up its first value, so Y can win only S4 and S5.',
          wrong: 'A value is replaced only if some majority takes another one. Y would need one of S1, S2, S3, and each of them keeps the X it accepted first.',
        },
        b: {
          prompt: 'S5’s Accept Y is about to reach S2, which already holds X. What does S2 answer?',
          options: { Accepted: 'Accepted: it takes Y', Reject: 'Reject: it keeps X' },
          right: 'S2 took X first and keeps it; it tells S5 so.',
          wrong: 'In this protocol the first value an acceptor receives is the one it keeps; S2 refuses Y and says it holds X.',
        },
      },
    },
    2: {
      heading: '§2 Three proposers: the split vote',
      body: [
        'Now the proposals overlap. S1 proposes X, S5 proposes Y and S3 proposes Z at about the same moment. Each acceptor keeps whatever arrives first: S1 and S2 end up with X, S4 and S5 with Y, S3 with Z.',
        'No value has three acceptors, and none ever will: every acceptor is taken, and each refuses everything after its first value. The seed compares it to a deadlock (死锁): each proposer waits for a majority that can only come from acceptors another proposer holds. With five proposers all starting at once, a split like this is the likely case, not a rare one.',
        'To break the tie, an acceptor must sometimes give up what it holds for a better proposal. The value itself cannot say which proposal is better, so a proposal must carry something more.',
      ],
      figures: [{ title: 'Seed §2 live: X, Y and Z split the five acceptors', caption: 'Held where every acceptor holds a value and none has a majority.' }],
      questions: {
        a: {
          prompt: 'S3’s Accept Z is about to reach S2, which holds X. What does S2 answer?',
          options: { Accepted: 'Accepted: it takes Z', Reject: 'Reject: it keeps X' },
          right: 'First come, first kept: S2 refuses Z. Refusals like this are what freeze the vote.',
          wrong: 'S2 never lets go of its first value, X. That is exactly why the split cannot heal.',
        },
        b: {
          prompt: 'Every acceptor holds a value now. Will this run ever choose one?',
          options: { X: 'Yes, X', Y: 'Yes, Y', Z: 'Yes, Z', none: 'No, never' },
          right: 'Stuck for ever: two, two and one, and no acceptor will move. The observer says STUCK.',
          wrong: 'The largest group has two acceptors and no acceptor changes its value, so no third one can join: nothing is ever chosen.',
        },
      },
    },
    3: {
      heading: '§3 Proposal numbers: the chosen value overwritten',
      body: [
        'The extra thing a proposal carries is a proposal number (提议号). To make numbers unique, the seed builds them from a counter and the server’s id: the first proposal of S3 is 13, a later one of S1 is 21, and numbers compare by counter first, then by id. An acceptor that receives a proposal numbered higher than the one it holds takes the new one: the number lets a proposal pre-empt (抢占) another.',
        'The same three proposers try again, numbered 11-X, 13-Z and 15-Y. 13-Z overtakes 11-X at S2, and with S3 and S4 it has a majority: Z is chosen. Then 15-Y arrives at S4 and S3, outranks 13, and replaces Z there. Y gathers its own majority (S3, S4, S5), and the value that was chosen has been changed. The deadlock is broken, and so is safety.',
        'The lesson: a higher number may pre-empt, but the newcomer must not bring a value of its own when an earlier one may already be chosen. It has to find out what the acceptors have accepted.',
      ],
      figures: [{ title: 'Seed §3 live: 13-Z is chosen, then overwritten by 15-Y', caption: 'Held where Z becomes chosen by S2, S3 and S4.' }],
      questions: {
        a: {
          prompt: 'Z is chosen by S2, S3 and S4. S5’s Accept 15 Y is about to reach S4, which holds 13-Z. Which value does S4 hold afterwards?',
          options: { Z: 'Z: it was already chosen', Y: 'Y: 15 is higher than 13' },
          right: 'The acceptor only compares numbers; it cannot know Z was chosen. It takes 15-Y, and Z’s majority is gone.',
          wrong: 'No acceptor knows that Z was chosen: that is a fact about a majority, not about one server. S4 compares 15 with 13 and takes Y.',
        },
        b: {
          prompt: 'How does this run end, by the observer’s verdict?',
          options: { chosen: 'One value chosen, safely', violated: 'A chosen value is changed: VIOLATED', stuck: 'Nothing chosen: STUCK' },
          right: 'VIOLATED: Z was chosen and then Y took its place, the one thing consensus must never allow.',
          wrong: 'The numbers did end the deadlock, but by letting Y overwrite the already chosen Z: the observer says VIOLATED.',
        },
      },
    },
    4: {
      heading: '§4 Discovering accepted values: still stuck',
      body: [
        'So a proposer must learn what has been accepted before it proposes. Because any two majorities meet, a proposer that hears from a majority hears from at least one acceptor of any value that may have been chosen. The rule the seed adds: when a proposer finds accepted values, it re-proposes the one with the highest number instead of its own.',
        'Discovery is not proof of choice. In §2’s setting S1 could hear from S1, S2 and S3 and learn that S3 accepted Z, yet Z was never chosen there: it had one acceptor. A proposer cannot tell a chosen value from a lost one, so it must carry forward whatever it finds.',
        'But with one phase, discovering and proposing are the same message: the Accept that asks “what do you hold?” also asks the acceptor to take a new value. Below, S1 and S2 hold X and S3 holds Z; S4 and S5 hold nothing, so X needs only one more acceptor and could still be chosen. S5 sends 15-Y to find out what is accepted, and that bid takes S5 itself. S1, S2 and S3 refuse it, reporting 11-X and 13-Z; S5 re-proposes Z, the higher, as 25-Z, and that takes S4, the last free acceptor. From that step no value can gather a majority. S1, refused in turn, discovers Z and tries 31-Z: numbers keep rising, proposers keep discovering, and nothing is chosen. The checks themselves used up the acceptors.',
      ],
      figures: [{ title: 'Seed §4 live: discover and re-propose in one phase', caption: 'Held where S5’s re-proposal 25-Z takes S4, the last free acceptor: the run is stuck from here.' }],
      questions: {
        a: {
          prompt: 'S5’s Accept 15 Y was refused by S1 and S2, which hold 11-X; S3’s refusal, reporting 13-Z, is on its way. Which value does S5 propose next?',
          options: { X: 'X', Y: 'Y, its own value', Z: 'Z' },
          right: 'Z, from the highest-numbered proposal it found (13), although two of the three refusals carried X: the discovery rule counts numbers, not votes.',
          wrong: 'The rule is to take the value of the highest-numbered accepted proposal reported, however many report others: 13 beats 11, so Z.',
        },
        b: {
          prompt: 'S4 holds nothing yet, and X, held by S1 and S2, needs only S4. S5’s re-proposal 25-Z is about to reach S4. Will this run choose a value?',
          options: { X: 'Yes, X', Y: 'Yes, Y', Z: 'Yes, Z', none: 'No' },
          right: 'No: S4 takes 25-Z, and then X, Z and Y hold two, two and one acceptors, none free. The re-proposal used up the acceptor X needed.',
          wrong: 'S4 takes 25-Z, the first proposal to reach it; after that every acceptor holds a value it will never give up, split two, two and one: nothing can be chosen.',
        },
      },
    },
    5: {
      heading: '§5 Two phases',
      body: [
        'Split the two jobs. Phase 1, Prepare: the proposer sends only its number n. An acceptor that has answered no higher number promises not to accept anything numbered below n, and reports the highest-numbered proposal it has accepted, if any. Phase 2, Accept: once a majority has promised, the proposer asks them to accept n with a value: the reported value with the highest number, or its own value if none was reported.',
        'Both phases can collide, and numbers settle both. A Prepare with a lower number than an acceptor’s promise is refused; so is an Accept numbered below the promise. Each phase needs a majority (多数派, a quorum 法定集合) before the proposer moves on; otherwise it starts again with a higher number. The seed words phase 2 without the promise (“accept if nothing was accepted yet, or if the number is higher than every number accepted”), and our model checker breaks that wording in eight moves on three servers: S1 promises 12, still accepts its own Accept 11 X because it holds nothing, X is chosen with S3, and then Y is chosen too with number 12.',
        'Below, S1 prepares 11 and starts phase 2 with X, reaching only S2. S5 prepares 15, and S2’s promise reports (11,X). S5 then proposes X, not its own Y. Meanwhile S3 refuses S1’s late Accept 11 X, since it has promised 15. X is chosen, with number 15, and nothing can change it afterwards.',
      ],
      figures: [{ title: 'Seed §5 live: conflicts in both phases, one value chosen', caption: 'Held where S5 receives the promise that reports (11,X).' }],
      questions: {
        a: {
          prompt: 'S5’s promises include one reporting (11,X). Which value will S5 send in its Accept?',
          options: { X: 'X, the reported value', Y: 'Y, its own value' },
          right: 'A reported value binds the proposer: X might already be chosen, so S5 must propose X.',
          wrong: 'Phase 2(a): when a promise reports an accepted proposal, the proposer must use the value of the highest-numbered one, here X.',
        },
        b: {
          prompt: 'Which acceptor’s promise carried X into S5’s proposal?',
          options: { 2: 'S2', 3: 'S3', 4: 'S4' },
          right: 'S2 had accepted 11-X before it promised 15, and its promise said so.',
          wrong: 'Only an acceptor that had accepted 11-X could report it; of S5’s promises, that is S2’s.',
        },
        c: {
          prompt: 'S1’s late Accept 11 X is about to reach S3, which has promised 15. What does S3 answer?',
          options: { Accepted: 'Accepted 11', Nack: 'Nack: it promised 15' },
          right: 'Phase 2(b): an acceptor refuses a proposal numbered below its promise. 11 < 15.',
          wrong: 'S3 promised S5 not to accept anything below 15; taking 11 would break that promise.',
        },
      },
    },
    6: {
      heading: 'The complete run',
      body: [
        'Without conflicts, Basic Paxos is two round trips. S1 picks number 11 and sends Prepare 11; acceptors promise and report nothing accepted; with a majority of promises (its own included) S1 sends Accept 11 X; when a majority has accepted, X is chosen, and the proposer learns it from the Accepted answers.',
        'In Lamport’s Paxos Made Simple the same protocol is four rules. 1a: a proposer picks a number n and sends Prepare n to a majority. 1b: an acceptor that has answered no Prepare above n promises to accept nothing below n, and replies with the highest-numbered proposal it has accepted. 2a: with promises from a majority, the proposer sends Accept n with the value of the highest-numbered reported proposal, or any value if none was reported. 2b: an acceptor accepts n unless it has promised a number above n.',
        'The seed’s short version leaves one thing out: its phase 2 says “accept if nothing was accepted yet, or the number is higher than all accepted so far”, but Lamport’s 2b is about the promise. Figure 5 shows the promise at work: S3 refused Accept 11 X because it had promised 15, although it had accepted nothing yet. Under the seed’s wording it would have taken it.',
      ],
      figures: [{ title: 'Basic Paxos live: one proposer, no trouble', caption: 'Held where X becomes chosen.' }],
      questions: {
        a: {
          prompt: 'How many promises, its own included, does S1 collect before it sends Accept?',
          options: { 2: 'Two', 3: 'Three', 5: 'All five' },
          right: 'Three: a majority of five. It does not wait for the slow ones.',
          wrong: 'A proposer needs a majority, not everyone: three of five, counting its own promise.',
        },
        b: {
          prompt: 'How many acceptors must accept X for it to be chosen?',
          options: { 3: 'Three', 5: 'All five' },
          right: 'Three is a majority; any later majority shares one of them, and that is what keeps X.',
          wrong: 'Chosen means accepted by a majority: three of five. The others may accept later or never.',
        },
      },
    },
    7: {
      heading: 'Livelock, and two ways out',
      body: [
        'The proposal number works like a lock that anyone can pre-empt by taking a higher number. That is what makes Paxos safe, and it is also its weakness: two proposers can keep pre-empting each other. S1 prepares 11, S5 prepares 15 and spoils S1’s Accept, S1 retries with 21 and spoils S5’s, and so on. Each round is safe, and none ends. This is a livelock (活锁): unlike the deadlock of §2, every new round could succeed, so progress is possible but not certain.',
        'The usual fixes keep the protocol and change who retries when. With random backoff, a pre-empted proposer waits a random time before retrying, so one of the two usually finishes both phases while the other waits. With a distinguished proposer (a leader), only one server keeps proposing, and the others stop retrying.',
      ],
      figures: [
        { title: 'Duelling proposers live: the livelock', caption: 'Held where the observer recognises the livelock: the numbers keep climbing.' },
        { title: 'The same duel with random backoff', caption: 'Held where a value is chosen.' },
        { title: 'The same duel with a distinguished proposer, S1', caption: 'Held where a value is chosen.' },
      ],
      questions: {
        a: {
          prompt: 'The proposers keep pre-empting each other. Is any safety property violated during this run?',
          options: { 0: 'No: nothing is chosen twice or changed', 1: 'Yes: a chosen value is changed' },
          right: 'Livelock costs progress, never safety: the promise and the discovery of phase 1 still hold in every round.',
          wrong: 'Each round is a proper Paxos round, so every value it chooses is the same; the observer finds no violation.',
        },
        b: {
          prompt: 'S1, the leader, proposed X; S5 proposed Y before it stopped. Which value does S1 send in its phase 2?',
          options: { X: 'X, its own', Y: 'Y' },
          right: 'S5’s Y had been accepted, and S1’s promises reported it: the leader too must carry an accepted value forward.',
          wrong: 'Being the leader does not exempt S1 from rule 2a: a promise reported S5’s accepted Y, so S1 proposes Y.',
        },
      },
    },
  },
  closing: {
    heading: 'What to take away',
    body: [
      'Quorums: a value is chosen by a majority, and any two majorities meet, in phase 1 and in phase 2 alike.',
      'Proposal numbers are a lock that can be pre-empted: a higher number wins an acceptor, but only after it has learnt, through phase 1, what may already be chosen.',
      'An acceptor always answers the highest number it has seen, and never goes back on a promise. The price is that Paxos can livelock; a leader or random backoff makes that rare.',
    ],
  },
};
